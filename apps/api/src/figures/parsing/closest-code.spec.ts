import { closestCode } from './closest-code';

const SERVICES = ['PORTAGE_REPAS', 'SAAD', 'AED', 'LOGEMENT_DABORD'];

describe(closestCode.name, () => {
  it.each([
    ['PORTAGE_REPAZ', 'PORTAGE_REPAS'],
    ['portage_repas', 'PORTAGE_REPAS'],
    ['SAD', 'SAAD'],
    ['LOGEMENT_DABBORD', 'LOGEMENT_DABORD'],
  ])('suggests %s → %s', (typed, code) => {
    expect(closestCode(typed, SERVICES)).toBe(code);
  });

  it('suggests nothing when every code is more than 2 edits away', () => {
    expect(closestCode('CRECHE', SERVICES)).toBeNull();
  });

  it('suggests nothing when two codes are as near', () => {
    expect(closestCode('CRECHE', ['CRECHE_A', 'CRECHE_B'])).toBeNull();
  });
});
