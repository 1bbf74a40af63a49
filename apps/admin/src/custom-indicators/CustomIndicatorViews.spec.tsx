import { screen, within } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { seriesFactory } from '../test-utils/factories';
import { renderAdmin } from '../test-utils/render-admin';
import { StoredValues } from './CustomIndicatorViews';

const MASKED = 'masqué (moins de 5 bénéficiaires)';

/** `GET /api/indicators/custom` (apps/api/src/methodology/custom/custom-indicator-values.service.ts). */
const customValues = ({ masked }: { masked: boolean }) => {
  const numbers = (value: string) => (masked ? { numerator: null, denominator: null, value: null } : { numerator: value, denominator: '1', value });
  return {
    scope: { orgUnit: 'VALMONT-NORD', orgUnitName: 'Valmont Nord', from: '2024-03', to: '2025-02' },
    granularity: 'month',
    computedAt: '2026-02-01T10:00:00Z',
    items: [
      {
        id: 'c1',
        code: 'taux_portage',
        label: 'Taux de portage',
        unit: '%',
        ...numbers('12.5'),
        cellsUsed: 2,
        cellsMissing: 0,
        series: [
          { period: '2025-01', ...numbers('10'), cellsUsed: 1, cellsMissing: 0 },
          { period: '2025-02', ...numbers('15'), cellsUsed: 1, cellsMissing: 0 },
        ],
      },
    ],
    masked,
  };
};

const renderValues = (masked: boolean) =>
  renderAdmin(
    <RecordContextProvider value={{ id: 'c1', code: 'taux_portage' }}>
      <StoredValues />
    </RecordContextProvider>,
    {
      dataProvider: {
        getIndicatorSeries: async () => seriesFactory(),
        apiGet: async () => customValues({ masked }),
      } as never,
    },
  );

describe(StoredValues.name, () => {
  it('shows the total and every period as masked, never as a number, a dash or an empty cell', async () => {
    renderValues(true);

    const table = await screen.findByTestId('custom-values');
    expect(within(table).getByTestId('custom-values-total').textContent).toBe(MASKED);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const [period, value] = within(row).getAllByRole('cell');
      expect(period.textContent).toMatch(/^2025-0[12]$/);
      expect(value.textContent).toBe(MASKED);
    }
    expect(table.textContent).not.toContain('—');
  });

  it('shows the values when they are not masked', async () => {
    renderValues(false);

    const table = await screen.findByTestId('custom-values');
    expect(within(table).getByTestId('custom-values-total').textContent).toBe('12,5');
    expect(within(table).getByText('15')).toBeTruthy();
    expect(within(table).queryByTestId('masked-value')).toBeNull();
  });
});
