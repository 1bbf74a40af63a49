import { screen, waitFor } from '@testing-library/react';
import type { IndicatorSummary } from '@levier/contracts';
import type { Scope } from './scope.types';
import { renderAdmin } from '../test-utils/render-admin';
import { summaryConventions2Factory, summaryFactory } from '../test-utils/factories';
import { ComparisonSection } from './ComparisonSection';
import { changeOf, comparisonColumns, comparisonRows } from './comparison-rules';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe(comparisonColumns.name, () => {
  it('gives one column for a 12-month window: the previous 12 months are the same months of the year before', () => {
    const columns = comparisonColumns({ orgUnit: '', from: '2024-01', to: '2024-12' });
    expect(columns).toEqual([{ key: 'previous', scope: { orgUnit: '', from: '2023-01', to: '2023-12' }, alsoLastYear: true }]);
  });
  it('gives two distinct columns for a quarter: the quarter before, and the same quarter a year earlier', () => {
    const columns = comparisonColumns({ orgUnit: '', from: '2024-04', to: '2024-06' });
    expect(columns.map((c) => [c.key, c.scope.from, c.scope.to])).toEqual([
      ['previous', '2024-01', '2024-03'],
      ['lastYear', '2023-04', '2023-06'],
    ]);
  });
  it('gives none when the range mixes kinds of periods', () => {
    expect(comparisonColumns({ orgUnit: '', from: '2024', to: '2024-06' })).toEqual([]);
  });
});

describe(changeOf.name, () => {
  it('is a percentage on a positive base: (115 − 100) / 100 = +15 %', () => {
    expect(changeOf('115.00', '100.00')).toEqual({ kind: 'percent', value: 15 });
  });
  it('is the difference in euros on a negative base, never « +587,7 % »: −10 000 − (−12 000) = +2 000', () => {
    expect(changeOf('-10000.00', '-12000.00')).toEqual({ kind: 'difference', value: '2000.00' });
  });
  it('is the difference on a zero base', () => {
    expect(changeOf('250.50', '0.00')).toEqual({ kind: 'difference', value: '250.50' });
  });
  it('is nothing when a side has no data (never a change from 0 €)', () => {
    expect(changeOf('250.50', null)).toEqual({ kind: 'none' });
  });
});

describe(comparisonRows.name, () => {
  it('puts public figures first under conventions 2', () => {
    const rows = comparisonRows(summaryConventions2Factory(), [null]);
    expect(rows.map((r) => r.key).slice(0, 5)).toEqual(['publicSavings', 'publicCost', 'publicNetSavings', 'publicOffsetRatio', 'grossSavings']);
  });
  it('keeps the all-payers figures alone under conventions 1', () => {
    expect(comparisonRows(summaryFactory(), [null]).map((r) => r.key)).toEqual(['grossSavings', 'cost', 'netSavings', 'offsetRatio']);
  });
});

describe(ComparisonSection.name, () => {
  it('shows one column for a year and the difference in euros from a negative net', async () => {
    const scope: Scope = { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' };
    const current = summaryFactory({ netSavings: '-10000.00' });
    const previous: IndicatorSummary = summaryFactory({ netSavings: '-12000.00' });
    const getIndicatorSummary = jest.fn(async () => previous);
    renderAdmin(<ComparisonSection scope={scope} summary={current} />, { dataProvider: { getIndicatorSummary } });

    await waitFor(() => expect(screen.getByTestId('comparison-change-netSavings-previous').textContent).toBe(`+2${NNBSP}000,00${NBSP}€`));
    expect(screen.getByTestId('comparison-column-previous').textContent).toBe('Période précédente, soit la même période N-1 (année 2023)');
    expect(screen.queryByTestId('comparison-column-lastYear')).toBeNull();
    expect(getIndicatorSummary).toHaveBeenCalledTimes(1);
  });
});
