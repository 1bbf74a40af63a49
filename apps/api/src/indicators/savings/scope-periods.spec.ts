import { coverageOf, lastCompletePeriod, scopePeriods as fromCoverage, type ScopePeriodInputs } from './scope-periods';

/** The months of a scope from its rows (the database sums them per period code the way coverageOf does). */
const scopePeriods = (inputs: ScopePeriodInputs) => fromCoverage(coverageOf(inputs));

const months = (year: number, last = 12): string[] => Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** Two leaves: A runs a monthly service S, B a quarterly service Q. */
const inputs = (overrides: Partial<ScopePeriodInputs> = {}): ScopePeriodInputs => ({
  expected: [
    { leafId: 'A', serviceId: 'S', granularity: 'month' },
    { leafId: 'B', serviceId: 'Q', granularity: 'quarter' },
  ],
  entered: [
    ...[...months(2023), ...months(2024)].map((period) => ({ leafId: 'A', serviceId: 'S', period })),
    ...['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map((period) => ({ leafId: 'B', serviceId: 'Q', period })),
  ],
  statuses: new Map([
    ...months(2023).map((p) => [`A|${p}`, 'approved'] as const),
    ...['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4'].map((p) => [`B|${p}`, 'approved'] as const),
  ]),
  ...overrides,
});

describe(fromCoverage.name, () => {
  it('opens on the last complete year', () => {
    const sut = scopePeriods(inputs());
    expect(sut.defaultScope).toEqual({ from: '2024-01', to: '2024-12', reason: 'complete_year' });
    expect(sut.months.find((m) => m.period === '2023-05')).toEqual({ period: '2023-05', hasData: true, complete: true, status: 'approved' });
    expect(sut.months.find((m) => m.period === '2024-05')?.status).toBe('draft');
  });

  it('stays on the last complete year when one service has entered a new month alone', () => {
    const base = inputs();
    const sut = scopePeriods({ ...base, entered: [...base.entered, { leafId: 'A', serviceId: 'S', period: '2025-01' }] });
    expect(sut.defaultScope).toEqual({ from: '2024-01', to: '2024-12', reason: 'complete_year' });
    // the quarterly service has not reported 2025-Q1: January is incomplete
    expect(sut.months.find((m) => m.period === '2025-01')).toEqual({ period: '2025-01', hasData: true, complete: false, status: 'draft' });
    expect(sut.latestMonth).toBe('2025-01');
    expect(sut.lastCompleteMonth).toBe('2024-12');
  });

  it('falls back to the twelve months ending with the last complete month when no calendar year is complete', () => {
    const sut = scopePeriods({
      expected: [{ leafId: 'A', serviceId: 'S', granularity: 'month' }],
      entered: ['2024-06', '2024-07', '2024-08'].map((period) => ({ leafId: 'A', serviceId: 'S', period })),
      statuses: new Map(),
    });
    expect(sut.defaultScope).toEqual({ from: '2023-09', to: '2024-08', reason: 'last_complete_months' });
  });

  it('takes an approved year even when a service has not reported every month of it', () => {
    const sut = scopePeriods({
      expected: [
        { leafId: 'A', serviceId: 'S', granularity: 'month' },
        { leafId: 'A', serviceId: 'T', granularity: 'month' },
      ],
      entered: months(2023).map((period) => ({ leafId: 'A', serviceId: 'S', period })),
      statuses: new Map(months(2023).map((p) => [`A|${p}`, 'approved'] as const)),
    });
    expect(sut.defaultScope).toEqual({ from: '2023-01', to: '2023-12', reason: 'approved_year' });
  });

  it('has no default without any figure', () => {
    expect(scopePeriods({ expected: [], entered: [], statuses: new Map() }).defaultScope).toBeNull();
  });
});

describe(lastCompletePeriod.name, () => {
  it('finds the last quarter and year whose every month is complete', () => {
    const base = inputs();
    const sut = scopePeriods({ ...base, entered: [...base.entered, { leafId: 'A', serviceId: 'S', period: '2025-01' }] });
    expect(lastCompletePeriod(sut.months, 'quarter')).toBe('2024-Q4');
    expect(lastCompletePeriod(sut.months, 'year')).toBe('2024');
  });
});
