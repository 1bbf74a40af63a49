import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import type { IndicatorSeries, IndicatorSummary } from '@levier/contracts';
import { LedgerDrilldown } from './LedgerDrilldown';

const scope = { orgUnit: 'VALMONT', from: '2024', to: '2024' };
/** Conventions 2: the summary's ledger and the per-service ledgers of `GET /api/indicators/series?groupBy=service`. */
const summary = {
  conventions: 2,
  netSavings: '30000.00',
  ledger: {
    DEPARTEMENT: { avoided: '120000.00', cost: '80000.00', net: '40000.00' },
    COMMUNE_CCAS: { avoided: '5000.00', cost: '15000.00', net: '-10000.00' },
  },
} as unknown as IndicatorSummary;
const services: IndicatorSeries = {
  groupBy: 'service',
  items: [
    {
      key: 'SAAD',
      label: 'Aide à domicile renforcée (SAAD)',
      grossSavings: '110000.00',
      cost: '60000.00',
      netSavings: '50000.00',
      offsetRatio: '1.83',
      ledger: {
        DEPARTEMENT: { avoided: '100000.00', cost: '30000.00', net: '70000.00' },
        COMMUNE_CCAS: { avoided: '5000.00', cost: '5000.00', net: '0.00' },
      },
    },
    {
      key: 'PORTAGE_REPAS',
      label: 'Portage de repas à domicile',
      grossSavings: '20000.00',
      cost: '60000.00',
      netSavings: '-40000.00',
      offsetRatio: '0.33',
      ledger: {
        DEPARTEMENT: { avoided: '20000.00', cost: '50000.00', net: '-30000.00' },
        COMMUNE_CCAS: { avoided: '0.00', cost: '10000.00', net: '-10000.00' },
      },
    },
    { key: 'AED', label: 'Aide éducative à domicile (AED)', grossSavings: '0.00', cost: '0.00', netSavings: '0.00', offsetRatio: null, ledger: {} },
  ],
};
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

describe(LedgerDrilldown.name, () => {
  it('shows the first payer’s line for each service where it has one, and explains its line in words', async () => {
    const getIndicatorSeries = jest.fn(async () => services);
    renderAdmin(<LedgerDrilldown scope={scope} summary={summary} />, { dataProvider: { getIndicatorSeries } as never });

    const card = screen.getByTestId('ledger-drilldown');
    await waitFor(() => expect(within(card).getAllByRole('row').length).toBe(3));
    expect(getIndicatorSeries).toHaveBeenCalledWith(scope, 'service', expect.anything());
    const rows = within(card)
      .getAllByRole('row')
      .slice(1)
      .map((r) => plain(r.textContent));
    expect(rows).toEqual([
      'Aide à domicile renforcée (SAAD)100 000,00 €30 000,00 €70 000,00 €',
      'Portage de repas à domicile20 000,00 €50 000,00 €-30 000,00 € (négatif)',
    ]);
    expect(plain(screen.getByTestId('ledger-explanation').textContent)).toBe(
      'Département : 120 000,00 € de coûts évités, 80 000,00 € du coût des services supporté, soit un solde net de 40 000,00 €. ' +
        'Ses économies viennent surtout du service « Aide à domicile renforcée (SAAD) » (100 000,00 €). ' +
        'Sa charge vient surtout du service « Portage de repas à domicile » (50 000,00 €).',
    );
  });

  it('switches to another payer, says when its net is negative, and never hides it', async () => {
    renderAdmin(<LedgerDrilldown scope={scope} summary={summary} />, { dataProvider: { getIndicatorSeries: async () => services } as never });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Payeur' }));
    fireEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: 'Commune / CCAS' }));

    await waitFor(() => expect(plain(screen.getByTestId('ledger-explanation').textContent)).toMatch(/^Commune \/ CCAS : 5 000,00 € de coûts évités/));
    expect(plain(screen.getByTestId('ledger-explanation').textContent)).toContain(
      'soit un solde net de -10 000,00 €. Ce payeur paie plus qu’il n’économise sur ce périmètre.',
    );
    const rows = within(screen.getByTestId('ledger-drilldown'))
      .getAllByRole('row')
      .slice(1)
      .map((r) => plain(r.textContent));
    expect(rows).toEqual(['Aide à domicile renforcée (SAAD)5 000,00 €5 000,00 €0,00 €', 'Portage de repas à domicile0,00 €10 000,00 €-10 000,00 € (négatif)']);
  });

  it('shows nothing under conventions 1 (no ledger)', () => {
    renderAdmin(<LedgerDrilldown scope={scope} summary={{ ...summary, conventions: 1, ledger: undefined } as IndicatorSummary} />, {
      dataProvider: { getIndicatorSeries: async () => services } as never,
    });
    expect(screen.queryByTestId('ledger-drilldown')).toBeNull();
  });
});
