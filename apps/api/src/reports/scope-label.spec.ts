import { scopeLabel } from './report-content';

describe(scopeLabel.name, () => {
  const valmont = { code: 'VALMONT', name: 'CCAS de Valmont' };

  it('names the unit and the service in words, never by their codes', () => {
    expect(scopeLabel({ orgUnit: valmont, service: null })).toBe('CCAS de Valmont');
    expect(scopeLabel({ orgUnit: valmont, service: 'PORTAGE_REPAS', serviceName: 'Portage de repas à domicile' })).toBe(
      'CCAS de Valmont — service Portage de repas à domicile',
    );
  });
});
