import type { MonthOverview } from './scope-periods';
import { seriesCoverage, type SeriesCoverageInput } from './series-coverage';

const month = (period: string, overrides: Partial<MonthOverview> = {}): MonthOverview => ({
  period,
  hasData: true,
  complete: true,
  status: 'approved',
  ...overrides,
});

/** 2026: January and February approved and complete, March a draft missing one service, April without data. */
const input = (overrides: Partial<SeriesCoverageInput> = {}): SeriesCoverageInput => ({
  from: '2026-01',
  to: '2026-04',
  bucket: 'month',
  basis: 'current',
  months: [
    month('2026-01'),
    month('2026-02'),
    month('2026-03', { complete: false, status: 'draft' }),
    month('2026-04', { hasData: false, complete: false, status: 'none' }),
  ],
  computed: new Set(['2026-01', '2026-02', '2026-03']),
  ...overrides,
});

describe(seriesCoverage.name, () => {
  it('lists every month of the range, a month without data as no_data', () => {
    const sut = seriesCoverage(input());
    expect(sut.map((p) => [p.key, p.coverage, p.status, p.complete])).toEqual([
      ['2026-01', 'data', 'approved', true],
      ['2026-02', 'data', 'approved', true],
      ['2026-03', 'data', 'draft', false],
      ['2026-04', 'no_data', 'none', false],
    ]);
  });

  it('counts months outside the organisation’s history as without data', () => {
    const sut = seriesCoverage(input({ from: '2025-11', to: '2026-01', computed: new Set(['2026-01']) }));
    expect(sut.map((p) => [p.key, p.coverage, p.monthsWithData])).toEqual([
      ['2025-11', 'no_data', 0],
      ['2025-12', 'no_data', 0],
      ['2026-01', 'data', 1],
    ]);
  });

  it('« tel que publié »: a month with figures but no approved value is unapproved, a month without figures stays no_data', () => {
    const sut = seriesCoverage(input({ basis: 'reported', computed: new Set(['2026-01', '2026-02']) }));
    expect(sut.map((p) => p.coverage)).toEqual(['data', 'data', 'unapproved', 'no_data']);
  });

  it('groups months into quarters: a quarter with one draft month is a draft, counted over its three months', () => {
    const sut = seriesCoverage(input({ from: '2026-01', to: '2026-06', bucket: 'quarter', computed: new Set(['2026-Q1']) }));
    expect(sut).toEqual([
      { key: '2026-Q1', coverage: 'data', status: 'draft', complete: false, months: 3, monthsWithData: 3 },
      { key: '2026-Q2', coverage: 'no_data', status: 'none', complete: false, months: 3, monthsWithData: 0 },
    ]);
  });

  it('a submitted year is unapproved « tel que publié » when nothing of it was approved', () => {
    const months = Array.from({ length: 12 }, (_, i) => month(`2024-${String(i + 1).padStart(2, '0')}`, { status: i < 6 ? 'submitted' : 'approved' }));
    const sut = seriesCoverage(input({ from: '2024', to: '2024', bucket: 'year', basis: 'reported', months, computed: new Set() }));
    expect(sut).toEqual([{ key: '2024', coverage: 'unapproved', status: 'submitted', complete: true, months: 12, monthsWithData: 12 }]);
  });
});
