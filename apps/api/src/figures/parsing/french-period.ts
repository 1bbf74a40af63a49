import { DEFAULT_PERIOD_YEAR_MAX, DEFAULT_PERIOD_YEAR_MIN } from '../../platform/http/period-years';
import type { Granularity } from './figure-file.types';

/**
 * Period cells → canonical codes `YYYY-MM`, `YYYY-Qn`, `YYYY` (docs/product-rules.md#periods-numbers-money, docs/product-rules.md#ingestion).
 *
 * Text forms: `2024-03`, `2024/03`, `03/2024`, `3-2024`; quarters `2024-T1`, `2024-Q1`, `2024 T1`, `T1 2024`,
 * `Q1-2024`; years `2024`; month names in French (full or abbreviated, accents and trailing dot optional, any case:
 * `mars 2024`, `févr. 2024`, `fevrier 2024`, `juil. 2024`, `août 2024`, `sept. 2024`, Excel's `janv.-24`) or
 * English (`March 2024`, `Mar-24`). A full date (`01/10/2024`, `2024-10-01`, or a Date from a spreadsheet cell) gives
 * the period of the requested granularity that contains it, read from its UTC parts (exceljs yields UTC midnight).
 */
export type PeriodError = 'empty' | 'not_a_period' | 'month_out_of_range' | 'quarter_out_of_range' | 'year_out_of_range' | 'invalid_date';

export interface Period {
  code: string;
  granularity: Granularity;
}

export type PeriodResult = ({ ok: true; fromDate: boolean } & Period) | { ok: false; error: PeriodError };

/** The default accepted years of a period, shared with the API's edge (PERIOD_YEAR_MIN / PERIOD_YEAR_MAX there). */
export const MIN_YEAR = DEFAULT_PERIOD_YEAR_MIN;
export const MAX_YEAR = DEFAULT_PERIOD_YEAR_MAX;

/** Accent-free, lower-case month names and abbreviations → month number. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, ['janvier', 'janv', 'jan', 'january']],
      [2, ['fevrier', 'fevr', 'fev', 'feb', 'february']],
      [3, ['mars', 'mar', 'march']],
      [4, ['avril', 'avr', 'apr', 'april']],
      [5, ['mai', 'may']],
      [6, ['juin', 'jun', 'june']],
      [7, ['juillet', 'juil', 'jul', 'july']],
      [8, ['aout', 'aou', 'aug', 'august']],
      [9, ['septembre', 'sept', 'sep', 'september']],
      [10, ['octobre', 'oct', 'october']],
      [11, ['novembre', 'nov', 'november']],
      [12, ['decembre', 'dec', 'december']],
    ] as const
  ).flatMap(([month, names]) => names.map((name): [string, number] => [name, month])),
);

const pad2 = (n: number): string => String(n).padStart(2, '0');

const fail = (error: PeriodError): PeriodResult => ({ ok: false, error });

const yearOk = (year: number): boolean => year >= MIN_YEAR && year <= MAX_YEAR;

const monthPeriod = (year: number, month: number, fromDate = false): PeriodResult => {
  if (!yearOk(year)) return fail('year_out_of_range');
  if (month < 1 || month > 12) return fail('month_out_of_range');
  return { ok: true, code: `${year}-${pad2(month)}`, granularity: 'month', fromDate };
};

const quarterPeriod = (year: number, quarter: number): PeriodResult => {
  if (!yearOk(year)) return fail('year_out_of_range');
  if (quarter < 1 || quarter > 4) return fail('quarter_out_of_range');
  return { ok: true, code: `${year}-Q${quarter}`, granularity: 'quarter', fromDate: false };
};

const yearPeriod = (year: number): PeriodResult =>
  yearOk(year) ? { ok: true, code: String(year), granularity: 'year', fromDate: false } : fail('year_out_of_range');

/** The period of `granularity` containing the calendar day `year-month-day` (already validated). */
const periodOfDay = (year: number, month: number, granularity: Granularity): PeriodResult => {
  if (!yearOk(year)) return fail('year_out_of_range');
  switch (granularity) {
    case 'month':
      return { ok: true, code: `${year}-${pad2(month)}`, granularity, fromDate: true };
    case 'quarter':
      return { ok: true, code: `${year}-Q${Math.floor((month - 1) / 3) + 1}`, granularity, fromDate: true };
    case 'year':
      return { ok: true, code: String(year), granularity, fromDate: true };
  }
};

/** The period of `granularity` that contains `date`, from its UTC date parts. */
export const periodOfDate = (date: Date, granularity: Granularity): PeriodResult => {
  if (Number.isNaN(date.getTime())) return fail('invalid_date');
  return periodOfDay(date.getUTCFullYear(), date.getUTCMonth() + 1, granularity);
};

const dayPeriod = (year: number, month: number, day: number, granularity: Granularity): PeriodResult => {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? periodOfDay(year, month, granularity) : fail('invalid_date');
};

/** Lower case, accents removed, spaces (incl. no-break ones) collapsed. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();

const fullYear = (digits: string): number => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));

interface Form {
  pattern: RegExp;
  read: (m: RegExpExecArray, granularity: Granularity) => PeriodResult;
}

const FORMS: readonly Form[] = [
  { pattern: /^(\d{4})$/u, read: (m) => yearPeriod(Number(m[1])) },
  { pattern: /^(\d{4})[-/.](\d{1,2})$/u, read: (m) => monthPeriod(Number(m[1]), Number(m[2])) },
  { pattern: /^(\d{1,2})[-/.](\d{4})$/u, read: (m) => monthPeriod(Number(m[2]), Number(m[1])) },
  { pattern: /^(\d{4}) ?[-/]? ?[tq](\d)$/u, read: (m) => quarterPeriod(Number(m[1]), Number(m[2])) },
  { pattern: /^[tq](\d) ?[-/]? ?(\d{4})$/u, read: (m) => quarterPeriod(Number(m[2]), Number(m[1])) },
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ][\d:.]+z?)?$/u, read: (m, g) => dayPeriod(Number(m[1]), Number(m[2]), Number(m[3]), g) },
  { pattern: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: [\d:]+)?$/u, read: (m, g) => dayPeriod(Number(m[3]), Number(m[2]), Number(m[1]), g) },
  {
    pattern: /^(\p{L}+)\.? ?[-/ ]? ?(\d{4}|\d{2})$/u,
    read: (m) => {
      const month = MONTHS.get(m[1]);
      return month === undefined ? fail('not_a_period') : monthPeriod(fullYear(m[2]), month);
    },
  },
];

/**
 * A period cell → its canonical period. Text dates and Date cells resolve to `dateGranularity` (default month);
 * whole numbers (an XLSX numeric cell holding `2024`) read as their text.
 */
const ISO_MONTH = /^(\d{4})-(\d{2})$/u;

export const parseFrenchPeriod = (input: string | number | Date, dateGranularity: Granularity = 'month'): PeriodResult => {
  if (input instanceof Date) return periodOfDate(input, dateGranularity);
  if (typeof input === 'number') {
    return Number.isInteger(input) ? parseFrenchPeriod(String(input), dateGranularity) : fail('not_a_period');
  }
  // the canonical form (every export of Levier, most files): the same answer as the forms below, without folding
  const iso = ISO_MONTH.exec(input);
  if (iso) return monthPeriod(Number(iso[1]), Number(iso[2]));
  const text = fold(input);
  if (text === '') return fail('empty');
  if (text.length > 40) return fail('not_a_period');
  for (const form of FORMS) {
    const match = form.pattern.exec(text);
    if (match) return form.read(match, dateGranularity);
  }
  return fail('not_a_period');
};
