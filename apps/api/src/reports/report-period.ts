/**
 * Periods covered by reports. A scheduled report covers the last complete calendar month (Europe/Paris) before the
 * cron occurrence that fired it; "the previous period" has the same length and ends just before.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar month (`YYYY-MM`) of an instant in Europe/Paris. */
export const parisMonth = (at: Date): string => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).formatToParts(at);
  const get = (type: string): string => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}`;
};

const shiftMonth = (month: string, by: number): string => {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
};

/** The last complete month before `at` (Paris time): 1 Nov 2026 08:00 → `2026-10`. */
export const lastCompleteMonth = (at: Date): string => shiftMonth(parisMonth(at), -1);

/** The period of the same length just before: `2024-03` → `2024-02`, `2024-Q1` → `2023-Q4`, `2024` → `2023`. */
export const previousPeriod = (code: string): string => {
  if (/^\d{4}-\d{2}$/.test(code)) return shiftMonth(code, -1);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(code);
  if (quarter) return Number(quarter[2]) === 1 ? `${Number(quarter[1]) - 1}-Q4` : `${quarter[1]}-Q${Number(quarter[2]) - 1}`;
  return String(Number(code) - 1);
};

export type ReportGranularity = 'month' | 'quarter' | 'year';

/** What a subscription's reports cover: the last complete month, quarter or year, or the year to date (up to the last complete month). */
export const REPORT_COVERAGES = ['month', 'quarter', 'year', 'year_to_date'] as const;
export type ReportCoverage = (typeof REPORT_COVERAGES)[number];

/** The last complete calendar quarter before `at` (Paris time): 5 Jan 2027 → `2026-Q4`. */
export const lastCompleteQuarter = (at: Date): string => {
  const month = lastCompleteMonth(at);
  const m = Number(month.slice(5, 7));
  // the quarter of last month is complete only when last month ends it
  const quarter = Math.floor((m - 1) / 3) + 1;
  if (m % 3 === 0) return `${month.slice(0, 4)}-Q${quarter}`;
  return previousPeriod(`${month.slice(0, 4)}-Q${quarter}`);
};

/** The period a scheduled report covers for a cron occurrence: `2026-10`, `2026-Q3`, `2025`, or the month ending a year to date. */
export const coveredPeriod = (coverage: ReportCoverage, at: Date): string => {
  switch (coverage) {
    case 'month':
    case 'year_to_date':
      return lastCompleteMonth(at);
    case 'quarter':
      return lastCompleteQuarter(at);
    case 'year':
      return String(Number(parisMonth(at).slice(0, 4)) - 1);
  }
};

/**
 * The dates a report reads for its period: the period itself, or for a year to date January to that month; and what
 * it is compared with: the period just before, or the same months a year earlier.
 */
export const reportRange = (coverage: ReportCoverage, period: string): { from: string; to: string; previous: { from: string; to: string; label: string } } => {
  if (coverage === 'year_to_date' && /^\d{4}-\d{2}$/.test(period)) {
    const { from } = yearToDate(period);
    const lastYear = (code: string): string => `${Number(code.slice(0, 4)) - 1}${code.slice(4)}`;
    return { from, to: period, previous: { from: lastYear(from), to: lastYear(period), label: lastYear(period) } };
  }
  const previous = previousPeriod(period);
  return { from: period, to: period, previous: { from: previous, to: previous, label: previous } };
};

export const granularityOfPeriod = (code: string): ReportGranularity => (/^\d{4}-\d{2}$/.test(code) ? 'month' : /-Q/.test(code) ? 'quarter' : 'year');

/** The trend shown in the chart and the spreadsheet: 12 months, 4 quarters or 5 years ending with `code`. */
export const trailingRange = (code: string): { from: string; to: string; granularity: ReportGranularity } => {
  const granularity = granularityOfPeriod(code);
  let from = code;
  const steps = granularity === 'month' ? 11 : granularity === 'quarter' ? 3 : 4;
  for (let i = 0; i < steps; i += 1) from = previousPeriod(from);
  return { from, to: code, granularity };
};

/** Year to date: `2024-03` → `2024-01`…`2024-03` (for annual targets). */
export const yearToDate = (code: string): { from: string; to: string; year: number } => {
  const year = Number(code.slice(0, 4));
  const granularity = granularityOfPeriod(code);
  return { from: granularity === 'month' ? `${year}-01` : granularity === 'quarter' ? `${year}-Q1` : String(year), to: code, year };
};

/** Run key of a preview: one per subscription, recipient and UTC minute, so a double click sends once. */
export const previewRunKey = (at: Date): string => `preview-${at.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;

export const SCHEDULE_RUN_KEY = 'schedule';
