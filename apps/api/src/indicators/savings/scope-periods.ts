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

export const scopePeriods = ({ expected, entered, statuses }: ScopePeriodInputs): ScopePeriods => {
  const enteredKeys = new Set(entered.map((e) => `${e.leafId}|${e.serviceId}|${e.period}`));
  // (leaf, period code) pairs with data, per month they cover
  const byMonth = new Map<string, Set<string>>();
  for (const e of entered) {
    for (const month of monthsOf(e.period)) {
      if (!byMonth.has(month)) byMonth.set(month, new Set());
      byMonth.get(month)!.add(`${e.leafId}|${e.period}`);
    }
  }
  const withData = [...byMonth.keys()].sort();
  if (withData.length === 0) return { months: [], defaultScope: null, latestMonth: null, lastCompleteMonth: null };
  const first = monthIndex(withData[0]);
  const last = monthIndex(withData[withData.length - 1]);
  const months: MonthOverview[] = [];
  for (let i = first; i <= last; i += 1) {
    const period = monthAt(i);
    const keys = [...(byMonth.get(period) ?? [])];
    const states = keys.map((k) => statuses.get(k) ?? 'draft');
    const status: MonthStatus =
      keys.length === 0
        ? 'none'
        : states.every((s) => s === 'approved')
          ? 'approved'
          : states.every((s) => s === 'approved' || s === 'submitted')
            ? 'submitted'
            : 'draft';
    const complete = keys.length > 0 && expected.every((p) => enteredKeys.has(`${p.leafId}|${p.serviceId}|${codeFor(period, p.granularity)}`));
    months.push({ period, hasData: keys.length > 0, complete, status });
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
