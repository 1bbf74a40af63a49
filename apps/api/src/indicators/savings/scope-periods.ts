/**
 * Which months of a scope have data, are complete and are approved, and the dashboard's default range (issue 14, item 1):
 * the last calendar year whose every month is complete or approved, else the twelve months ending with the last complete
 * month, else the twelve months ending with the latest month with data. Pure: the rows come from the database.
 */

export type PeriodGranularity = 'month' | 'quarter' | 'year';
export type MonthStatus = 'approved' | 'submitted' | 'draft' | 'none';

export interface ScopePeriodInputs {
  /** (leaf unit, service) pairs expected to report, with the service's entry period type. */
  expected: readonly { leafId: string; serviceId: string; granularity: PeriodGranularity }[];
  /** Distinct (leaf unit, service, period code) that hold at least one figure. */
  entered: readonly { leafId: string; serviceId: string; period: string }[];
  /** Workflow state per `leafId|period` (absent = draft). */
  statuses: ReadonlyMap<string, string>;
}

/**
 * What the months of a scope rest on, per period code (`2024-03`, `2024-Q1`, `2024`): few rows whatever the number of
 * units and services, so that a département's months are read without bringing its (unit, service, period) keys into
 * the process (360 000 at scale M). The database computes it (ScopePeriodsRepository), `coverageOf` says the same in code.
 */
export interface PeriodCoverage {
  period: string;
  /** Leaves with at least one figure for the code. */
  leaves: number;
  /** Of them, those whose period is approved; approved or submitted. */
  approved: number;
  submitted: number;
  /** Expected (leaf, service) pairs that reported for the code, counted only where the code is of the service's period type. */
  expectedEntered: number;
}

export interface ScopeCoverage {
  /** Number of (leaf, service) pairs expected to report. */
  expectedPairs: number;
  codes: readonly PeriodCoverage[];
}

const granularityOf = (code: string): PeriodGranularity | null =>
  /^\d{4}-\d{2}$/.test(code) ? 'month' : /^\d{4}-Q[1-4]$/.test(code) ? 'quarter' : /^\d{4}$/.test(code) ? 'year' : null;

/** The coverage of a scope from its rows: the definition the database's query follows. */
export const coverageOf = ({ expected, entered, statuses }: ScopePeriodInputs): ScopeCoverage => {
  const expectedGranularity = new Map(expected.map((p) => [`${p.leafId}|${p.serviceId}`, p.granularity]));
  const codes = new Map<string, { leaves: Set<string>; expectedEntered: number }>();
  const seen = new Set<string>();
  for (const e of entered) {
    if (seen.has(`${e.leafId}|${e.serviceId}|${e.period}`)) continue;
    seen.add(`${e.leafId}|${e.serviceId}|${e.period}`);
    const code = codes.get(e.period) ?? { leaves: new Set<string>(), expectedEntered: 0 };
    codes.set(e.period, code);
    code.leaves.add(e.leafId);
    if (expectedGranularity.get(`${e.leafId}|${e.serviceId}`) === granularityOf(e.period)) code.expectedEntered += 1;
  }
  return {
    expectedPairs: expected.length,
    codes: [...codes].map(([period, { leaves, expectedEntered }]) => {
      const states = [...leaves].map((leaf) => statuses.get(`${leaf}|${period}`) ?? 'draft');
      return {
        period,
        leaves: leaves.size,
        approved: states.filter((s) => s === 'approved').length,
        submitted: states.filter((s) => s === 'approved' || s === 'submitted').length,
        expectedEntered,
      };
    }),
  };
};

export interface MonthOverview {
  period: string;
  hasData: boolean;
  /** Every expected (unit, service) reported for the month (for a quarterly or yearly service: for its quarter or year). */
  complete: boolean;
  /** approved: every figure period covering the month is approved; submitted: all at least submitted; none: no data. */
  status: MonthStatus;
}

export type DefaultScopeReason = 'complete_year' | 'approved_year' | 'last_complete_months' | 'latest_data';

export interface ScopePeriods {
  months: MonthOverview[];
  defaultScope: { from: string; to: string; reason: DefaultScopeReason } | null;
  latestMonth: string | null;
  lastCompleteMonth: string | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
export const monthAt = (index: number): string => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
export const quarterOf = (month: string): string => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** The months a period code covers: `2024-Q2` → 2024-04…2024-06, `2024` → its twelve months. */
export const monthsOf = (code: string): string[] => {
  if (/^\d{4}-\d{2}$/.test(code)) return [code];
  const year = Number(code.slice(0, 4));
  const quarter = /^\d{4}-Q([1-4])$/.exec(code);
  const first = quarter ? (Number(quarter[1]) - 1) * 3 : 0;
  const count = quarter ? 3 : /^\d{4}$/.test(code) ? 12 : 0;
  return Array.from({ length: count }, (_, i) => monthAt(year * 12 + first + i));
};

const codeFor = (month: string, granularity: PeriodGranularity): string =>
  granularity === 'month' ? month : granularity === 'quarter' ? quarterOf(month) : month.slice(0, 4);

/** Twelve months ending with `month`. */
const twelveEndingAt = (month: string): { from: string; to: string } => ({ from: monthAt(monthIndex(month) - 11), to: month });

export const scopePeriods = ({ expectedPairs, codes }: ScopeCoverage): ScopePeriods => {
  // the period codes with data covering each month (a quarter's code covers its three months)
  const byMonth = new Map<string, PeriodCoverage[]>();
  for (const code of codes) {
    if (code.leaves === 0) continue;
    for (const month of monthsOf(code.period)) {
      if (!byMonth.has(month)) byMonth.set(month, []);
      byMonth.get(month)!.push(code);
    }
  }
  const withData = [...byMonth.keys()].sort();
  if (withData.length === 0) return { months: [], defaultScope: null, latestMonth: null, lastCompleteMonth: null };
  const first = monthIndex(withData[0]);
  const last = monthIndex(withData[withData.length - 1]);
  const sum = (rows: readonly PeriodCoverage[], field: 'leaves' | 'approved' | 'submitted' | 'expectedEntered'): number =>
    rows.reduce((total, row) => total + row[field], 0);
  const months: MonthOverview[] = [];
  for (let i = first; i <= last; i += 1) {
    const period = monthAt(i);
    const rows = byMonth.get(period) ?? [];
    // (leaf, period code) pairs with data for the month: each is approved, submitted or draft
    const keys = sum(rows, 'leaves');
    const status: MonthStatus = keys === 0 ? 'none' : sum(rows, 'approved') === keys ? 'approved' : sum(rows, 'submitted') === keys ? 'submitted' : 'draft';
    // every expected pair reported for the code of its period type covering the month (each counts once, at that code)
    const complete = keys > 0 && sum(rows, 'expectedEntered') === expectedPairs;
    months.push({ period, hasData: keys > 0, complete, status });
  }
  const lastComplete = [...months].reverse().find((m) => m.complete)?.period ?? null;
  const years = [...new Set(months.map((m) => Number(m.period.slice(0, 4))))].sort((a, b) => b - a);
  const monthsOfYear = (year: number) => months.filter((m) => m.period.startsWith(`${year}-`));
  for (const year of years) {
    const all = monthsOfYear(year);
    if (all.length !== 12) continue;
    if (all.every((m) => m.complete))
      return {
        months,
        defaultScope: { from: `${year}-01`, to: `${year}-12`, reason: 'complete_year' },
        latestMonth: monthAt(last),
        lastCompleteMonth: lastComplete,
      };
    if (all.every((m) => m.status === 'approved'))
      return {
        months,
        defaultScope: { from: `${year}-01`, to: `${year}-12`, reason: 'approved_year' },
        latestMonth: monthAt(last),
        lastCompleteMonth: lastComplete,
      };
  }
  const defaultScope = lastComplete
    ? { ...twelveEndingAt(lastComplete), reason: 'last_complete_months' as const }
    : { ...twelveEndingAt(monthAt(last)), reason: 'latest_data' as const };
  return { months, defaultScope, latestMonth: monthAt(last), lastCompleteMonth: lastComplete };
};

/** The last complete month, quarter or year of an overview (a quarter or year is complete when each of its months is). */
export const lastCompletePeriod = (months: readonly MonthOverview[], granularity: PeriodGranularity): string | null => {
  const complete = new Set(months.filter((m) => m.complete).map((m) => m.period));
  const candidates = [...new Set(months.map((m) => codeFor(m.period, granularity)))].sort().reverse();
  return candidates.find((code) => monthsOf(code).every((m) => complete.has(m))) ?? null;
};
