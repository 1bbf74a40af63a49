import { screen, within } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { AlertsSection } from './AlertsSection';
import type { IndicatorAlert } from '@levier/contracts';

const MASKED = 'masqué (moins de 5 bénéficiaires)';
const scope = { orgUnit: 'VALMONT-NORD', from: '2024-01', to: '2024-12' };

/** An item of `GET /api/indicators/alerts` (apps/api/src/methodology/custom/indicator-alerts.service.ts). */
const alertFactory = (overrides: Partial<IndicatorAlert> = {}): IndicatorAlert => ({
  targetId: 't1',
  indicator: 'taux_portage',
  indicatorLabel: 'Taux de portage',
  kind: 'custom',
  orgUnit: 'VALMONT-NORD',
  orgUnitName: 'Antenne Valmont Nord',
  year: 2024,
  value: '0.82',
  target: '0.9',
  alertBelow: '0.85',
  alertAbove: null,
  status: 'below',
  masked: false,
  message: 'Taux de portage (Antenne Valmont Nord) vaut 0,82, sous le seuil d’alerte 0,85.',
  ...overrides,
});

const masked = alertFactory({
  value: null,
  status: 'missing',
  masked: true,
  message: 'Taux de portage (Antenne Valmont Nord) : valeur masquée (secret statistique : moins de 5 bénéficiaires sur le périmètre).',
});

describe(AlertsSection.name, () => {
  it('says a masked value is masked, with no value and no claim that the targets are met', async () => {
    renderAdmin(<AlertsSection scope={scope} />, { dataProvider: { getAlerts: async () => [masked] } as never });

    const item = await screen.findByTestId('alert-taux_portage');
    expect(within(item).getByTestId('alert-taux_portage-masked').textContent).toBe(MASKED);
    expect(within(item).queryByText('Valeur indisponible', { exact: false })).toBeNull();
    // The only figures are the label's threshold and the year: no value, no zero.
    expect(
      (item.textContent ?? '')
        .replace(MASKED, '')
        .replace(/moins de 5 bénéficiaires/g, '')
        .replace('2024', ''),
    ).not.toMatch(/\d/);
    expect(screen.queryByText('Aucune alerte : les objectifs suivis sont tenus.')).toBeNull();
  });

  it('still titles an unmasked item by its status', async () => {
    renderAdmin(<AlertsSection scope={scope} />, { dataProvider: { getAlerts: async () => [alertFactory()] } as never });

    const item = await screen.findByTestId('alert-taux_portage');
    expect(within(item).getByText(/Sous le seuil/)).toBeTruthy();
    expect(within(item).queryByTestId('alert-taux_portage-masked')).toBeNull();
  });

  it('names the indicator and the unit in words, never by their codes', async () => {
    renderAdmin(<AlertsSection scope={scope} />, { dataProvider: { getAlerts: async () => [alertFactory()] } as never });

    const item = await screen.findByTestId('alert-taux_portage');
    expect(item.textContent).toContain('Taux de portage (Antenne Valmont Nord, 2024)');
    expect(item.textContent).not.toMatch(/taux_portage|VALMONT-NORD/);
  });
});
