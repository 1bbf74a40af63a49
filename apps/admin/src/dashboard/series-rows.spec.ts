import type { SeriesItem, SeriesPeriod } from '@levier/contracts';
import { boundValue, periodLabel, plotValue, toChartRows } from './series-rows';

const item = (overrides: Partial<SeriesItem> = {}): SeriesItem => ({
  key: '2025-01',
  grossSavings: '1000.50',
  cost: '400',
  netSavings: '600.50',
  offsetRatio: '2.50',
  ...overrides,
});

describe(toChartRows.name, () => {
  it('orders periods in time and labels them in French', () => {
    const sut = toChartRows([item({ key: '2025-02' }), item({ key: '2025-01' })], 'period');
    expect(sut.map((r) => [r.key, r.label])).toEqual([
      ['2025-01', 'janv. 2025'],
      ['2025-02', 'févr. 2025'],
    ]);
  });

  it('plots numbers but keeps the original strings for display', () => {
    const [sut] = toChartRows([item()], 'period');
    expect(sut).toMatchObject({ grossSavings: 1000.5, cost: 400, netSavings: 600.5 });
    expect(sut.item.grossSavings).toBe('1000.50');
  });

  it('gives every period the API lists a row: a month without data or not approved is blank with its reason, never 0', () => {
    const period = (key: string, coverage: SeriesPeriod['coverage']): SeriesPeriod => ({
      key,
      coverage,
      status: coverage === 'no_data' ? 'none' : 'draft',
      complete: coverage === 'data',
      months: 1,
      monthsWithData: coverage === 'no_data' ? 0 : 1,
    });
    const sut = toChartRows([item({ key: '2025-03' }), item({ key: '2025-01' })], 'period', 'fr', [
      period('2025-01', 'data'),
      period('2025-02', 'no_data'),
      period('2025-03', 'data'),
      period('2025-04', 'unapproved'),
    ]);
    expect(sut.map((r) => [r.key, r.label, r.coverage, r.grossSavings, r.cost, r.netSavings])).toEqual([
      ['2025-01', 'janv. 2025', 'data', 1000.5, 400, 600.5],
      ['2025-02', 'févr. 2025', 'no_data', null, null, null],
      ['2025-03', 'mars 2025', 'data', 1000.5, 400, 600.5],
      ['2025-04', 'avr. 2025', 'unapproved', null, null, null],
    ]);
    expect(sut[1].item).toMatchObject({ grossSavings: null, cost: null, netSavings: null, offsetRatio: null });
  });

  it('leaves a gap, not a zero, where a value is missing', () => {
    const [sut] = toChartRows([item({ cost: null, netSavings: null })], 'period');
    expect(sut.cost).toBeNull();
    expect(sut.netSavings).toBeNull();
  });

  it('builds the low–high band from string bounds or bound objects', () => {
    const [a, b, c] = toChartRows(
      [
        item({ key: '2025-01', low: '800', high: '1200' }),
        item({ key: '2025-02', low: { grossSavings: '700' }, high: { grossSavings: '1300' } }),
        item({ key: '2025-03', low: '800' }),
      ],
      'period',
    );
    expect(a.range).toEqual([800, 1200]);
    expect(b.range).toEqual([700, 1300]);
    expect(c.range).toBeNull();
  });

  it('keeps the API order and raw keys for non-period groupings', () => {
    const sut = toChartRows([item({ key: 'SAAD' }), item({ key: 'ASE' })], 'service');
    expect(sut.map((r) => r.label)).toEqual(['SAAD', 'ASE']);
  });
});

describe(periodLabel.name, () => {
  it('labels quarters and years', () => {
    expect(periodLabel('2026-Q1')).toBe('T1 2026');
    expect(periodLabel('2026-Q1', 'en')).toBe('Q1 2026');
    expect(periodLabel('2026')).toBe('2026');
    expect(periodLabel('2026-03', 'en')).toBe('Mar 2026');
  });
});

describe(plotValue.name, () => {
  it('converts decimal strings and rejects the rest', () => {
    expect(plotValue('-12.5')).toBe(-12.5);
    expect(plotValue(null)).toBeNull();
    expect(plotValue('n/a')).toBeNull();
  });
});

describe(boundValue.name, () => {
  it('reads the gross-savings bound', () => {
    expect(boundValue('5')).toBe('5');
    expect(boundValue({ grossSavings: '6' })).toBe('6');
    expect(boundValue({ cost: '6' })).toBeNull();
    expect(boundValue(undefined)).toBeNull();
  });
});
