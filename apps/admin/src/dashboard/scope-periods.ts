/**
 * The months of a scope as the API reports them (`GET /api/indicators/periods`) and what the dashboard says about them
 * (issue 14, items 1 and 2): which months of the range are incomplete, still drafts, or without data; and period ranges
 * in words (« année 2024 », « de décembre 2025 à novembre 2026 »), never « de 2024 à 2024 ».
 */
import type { Scope } from './scope.types';

export type MonthStatus = 'approved' | 'submitted' | 'draft' | 'none';

export interface MonthOverview {
  period: string;
  hasData: boolean;
  complete: boolean;
  status: MonthStatus;
}

export interface ScopePeriods {
  orgUnit: string;
  orgUnitName: string;
  months: MonthOverview[];
  defaultScope: { from: string; to: string; reason: 'complete_year' | 'approved_year' | 'last_complete_months' | 'latest_data' } | null;
  latestMonth: string | null;
  lastCompleteMonth: string | null;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^\d{4}$/;

/** The months a period code covers (`2024-Q2` → April to June). */
export const monthsOfPeriod = (code: string): string[] => {
  if (MONTH.test(code)) return [code];
  const q = QUARTER.exec(code);
  if (q) return [0, 1, 2].map((i) => `${q[1]}-${String((Number(q[2]) - 1) * 3 + i + 1).padStart(2, '0')}`);
  if (YEAR.test(code)) return Array.from({ length: 12 }, (_, i) => `${code}-${String(i + 1).padStart(2, '0')}`);
  return [];
};

/** Every month from the first month of `from` to the last month of `to`. */
export const monthsOfRange = (from: string, to: string): string[] => {
  const first = monthsOfPeriod(from)[0];
  const lastMonths = monthsOfPeriod(to);
  const last = lastMonths[lastMonths.length - 1];
  if (!first || !last || first > last) return [];
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  for (let guard = 0; guard < 1200; guard += 1) {
    const code = `${y}-${String(m).padStart(2, '0')}`;
    out.push(code);
    if (code === last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
};

export interface RangeNotices {
  /** Months of the range with data, but not every expected service has reported. */
  incomplete: string[];
  /** Months of the range with data that are not approved (drafts or submitted). */
  unapproved: string[];
  /** Months of the range without any figure. */
  noData: string[];
  /** Months after the range that hold data, e.g. a month just entered (the default range stays on complete periods). */
  newer: string[];
}

/** What to say about a scope's months; only months the organisation's history covers count as « pas de données ». */
export const rangeNotices = (months: readonly MonthOverview[], scope: Pick<Scope, 'from' | 'to'>): RangeNotices => {
  const range = monthsOfRange(scope.from, scope.to);
  const byPeriod = new Map(months.map((m) => [m.period, m]));
  const inRange = range.map((p) => byPeriod.get(p) ?? { period: p, hasData: false, complete: false, status: 'none' as const });
  const last = range[range.length - 1];
  return {
    incomplete: inRange.filter((m) => m.hasData && !m.complete).map((m) => m.period),
    unapproved: inRange.filter((m) => m.hasData && m.status !== 'approved').map((m) => m.period),
    noData: inRange.filter((m) => !m.hasData).map((m) => m.period),
    newer: last ? months.filter((m) => m.hasData && m.period > last).map((m) => m.period) : [],
  };
};

const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

const lang = (locale: string): 'fr' | 'en' => (locale === 'en' ? 'en' : 'fr');

/** One period in words: « mars 2024 », « 2e trimestre 2024 » / « Q2 2024 », « 2024 ». */
export const periodLabel = (code: string, locale = 'fr'): string => {
  const m = MONTH.exec(code);
  if (m) return `${MONTHS[lang(locale)][Number(m[2]) - 1]} ${m[1]}`;
  const q = QUARTER.exec(code);
  if (q) return lang(locale) === 'fr' ? `${q[2] === '1' ? '1er' : `${q[2]}e`} trimestre ${q[1]}` : `Q${q[2]} ${q[1]}`;
  return code;
};

/** A range in words: « année 2024 », « janvier à mars 2024 », « de décembre 2025 à novembre 2026 », « mars 2024 ». */
export const periodRangeLabel = (from: string, to: string, locale = 'fr'): string => {
  const fr = lang(locale) === 'fr';
  if (from === to) return YEAR.test(from) ? (fr ? `année ${from}` : `year ${from}`) : periodLabel(from, locale);
  const fm = MONTH.exec(from);
  const tm = MONTH.exec(to);
  if (fm && tm && fm[1] === tm[1]) {
    if (fm[2] === '01' && tm[2] === '12') return fr ? `année ${fm[1]}` : `year ${fm[1]}`;
    const names = MONTHS[lang(locale)];
    return fr ? `${names[Number(fm[2]) - 1]} à ${names[Number(tm[2]) - 1]} ${fm[1]}` : `${names[Number(fm[2]) - 1]} to ${names[Number(tm[2]) - 1]} ${fm[1]}`;
  }
  return fr ? `de ${periodLabel(from, locale)} à ${periodLabel(to, locale)}` : `from ${periodLabel(from, locale)} to ${periodLabel(to, locale)}`;
};

/** A short list of months in words: « janvier 2025, février 2025 » (more than `max`: the first ones and « … (N mois) »). */
export const monthList = (periods: readonly string[], locale = 'fr', max = 4): string => {
  const shown = periods.slice(0, max).map((p) => periodLabel(p, locale));
  return periods.length > max ? `${shown.join(', ')}… (${periods.length} ${lang(locale) === 'fr' ? 'mois' : 'months'})` : shown.join(', ');
};
