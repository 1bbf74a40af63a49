/** Period codes of docs/product-rules.md#periods-numbers-money: `YYYY`, `YYYY-Qn`, `YYYY-MM`. */
export type Granularity = 'year' | 'quarter' | 'month';

export type Period =
  | { readonly granularity: 'year'; readonly year: number }
  | { readonly granularity: 'quarter'; readonly year: number; readonly quarter: number }
  | { readonly granularity: 'month'; readonly year: number; readonly month: number };

export type PeriodParseResult = { ok: true; period: Period } | { ok: false; message: string };

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parses a period code; the message (French) says what is expected. */
export const parsePeriod = (code: string): PeriodParseResult => {
  const year = YEAR.exec(code);
  if (year) return validYear(Number(year[1]), () => ({ granularity: 'year', year: Number(year[1]) }));
  const quarter = QUARTER.exec(code);
  if (quarter) return validYear(Number(quarter[1]), () => ({ granularity: 'quarter', year: Number(quarter[1]), quarter: Number(quarter[2]) }));
  const month = MONTH.exec(code);
  if (month) return validYear(Number(month[1]), () => ({ granularity: 'month', year: Number(month[1]), month: Number(month[2]) }));
  return { ok: false, message: `période invalide « ${code} » : attendu AAAA, AAAA-Qn (n de 1 à 4) ou AAAA-MM` };
};

const validYear = (year: number, make: () => Period): PeriodParseResult =>
  year >= 1000 ? { ok: true, period: make() } : { ok: false, message: `année invalide ${year} : attendu une année sur quatre chiffres` };

export const isPeriodCode = (code: string): boolean => parsePeriod(code).ok;

/** Parses a code known to be valid (throws otherwise: a programming error, not a user error). */
export const periodOf = (code: string): Period => {
  const result = parsePeriod(code);
  if (!result.ok) throw new Error(result.message);
  return result.period;
};

export const formatPeriod = (period: Period): string => {
  switch (period.granularity) {
    case 'year':
      return String(period.year);
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'month':
      return `${period.year}-${String(period.month).padStart(2, '0')}`;
  }
};

export const granularityOf = (code: string): Granularity => periodOf(code).granularity;
