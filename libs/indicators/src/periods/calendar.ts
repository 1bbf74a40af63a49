import { assertNever } from '../assert-never';
import { formatPeriod, Granularity, Period, periodOf } from './period';

/** Months covered: 12 for a year, 3 for a quarter, 1 for a month. */
export const monthsInGranularity = (granularity: Granularity): number => {
  switch (granularity) {
    case 'year':
      return 12;
    case 'quarter':
      return 3;
    case 'month':
      return 1;
    default:
      return assertNever(granularity, 'granularité');
  }
};

export const monthsInPeriod = (code: string): number => monthsInGranularity(periodOf(code).granularity);

/** First month (1–12) of a period. */
export const firstMonthOf = (period: Period): number => {
  switch (period.granularity) {
    case 'year':
      return 1;
    case 'quarter':
      return (period.quarter - 1) * 3 + 1;
    case 'month':
      return period.month;
  }
};

/** Months since year 0, of the period's first month: a total order on starts. */
const monthIndex = (period: Period): number => period.year * 12 + firstMonthOf(period) - 1;

/** The quarter containing a month or quarter (`2024-05` → `2024-Q2`); a year has none. */
export const containingQuarter = (code: string): string | null => {
  const period = periodOf(code);
  if (period.granularity === 'year') return null;
  return formatPeriod({ granularity: 'quarter', year: period.year, quarter: Math.floor((firstMonthOf(period) - 1) / 3) + 1 });
};

/** The year containing any period (`2024-Q3` → `2024`). */
export const containingYear = (code: string): string => String(periodOf(code).year);

/** The month codes covered by a period (`2024-Q2` → `2024-04`, `2024-05`, `2024-06`). */
export const monthsOf = (code: string): string[] => {
  const period = periodOf(code);
  const first = firstMonthOf(period);
  return Array.from({ length: monthsInGranularity(period.granularity) }, (_, i) => formatPeriod({ granularity: 'month', year: period.year, month: first + i }));
};

/** Every month from the start of `from` to the end of `to`, inclusive; empty when `to` starts before `from`. */
export const listMonths = ({ from, to }: { from: string; to: string }): string[] => {
  const start = monthIndex(periodOf(from));
  const lastMonths = monthsOf(to);
  const end = monthIndex(periodOf(lastMonths[lastMonths.length - 1]));
  const months: string[] = [];
  for (let index = start; index <= end; index += 1) {
    months.push(formatPeriod({ granularity: 'month', year: Math.floor(index / 12), month: (index % 12) + 1 }));
  }
  return months;
};

const GRANULARITY_ORDER: Record<Granularity, number> = { year: 0, quarter: 1, month: 2 };

/** Chronological order by first month, then coarser first (`2024` < `2024-Q1` < `2024-01`). */
export const comparePeriods = (left: string, right: string): number => {
  const a = periodOf(left);
  const b = periodOf(right);
  return monthIndex(a) - monthIndex(b) || GRANULARITY_ORDER[a.granularity] - GRANULARITY_ORDER[b.granularity];
};

/** True when `inner` lies within `outer` (`2024-05` within `2024-Q2` and `2024`). */
export const periodContains = ({ outer, inner }: { outer: string; inner: string }): boolean => {
  const innerMonths = monthsOf(inner);
  const outerMonths = new Set(monthsOf(outer));
  return innerMonths.every((month) => outerMonths.has(month));
};
