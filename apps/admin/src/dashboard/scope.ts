/** The dashboard scope (org unit, from, to) ⇄ URL search parameters, and period codes (SPEC §4). */
import type { Scope } from './indicators.types';

/** `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
export const PERIOD_RE = /^\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?$/;
export const isPeriod = (value: string): boolean => PERIOD_RE.test(value);

export type PeriodKind = 'year' | 'quarter' | 'month';
export const periodKind = (period: string): PeriodKind | null => {
  if (!isPeriod(period)) return null;
  if (period.length === 4) return 'year';
  return period.includes('Q') ? 'quarter' : 'month';
};

const pad2 = (n: number): string => String(n).padStart(2, '0');
const monthCode = (year: number, monthIndex: number): string => {
  const y = year + Math.floor(monthIndex / 12);
  const m = ((monthIndex % 12) + 12) % 12;
  return `${y}-${pad2(m + 1)}`;
};

/** The twelve last complete months before `today`: on 2026-03-15, from 2025-03 to 2026-02. */
export const defaultScope = (today: Date): Scope => {
  const year = today.getFullYear();
  const month = today.getMonth(); // current, incomplete month
  return { orgUnit: '', from: monthCode(year, month - 12), to: monthCode(year, month - 1) };
};

/** Reads the scope from `?orgUnit=…&from=…&to=…`; missing or malformed periods fall back. */
export const scopeFromSearch = (search: string, fallback: Scope): Scope => {
  const params = new URLSearchParams(search);
  const from = params.get('from')?.trim() ?? '';
  const to = params.get('to')?.trim() ?? '';
  return {
    orgUnit: params.get('orgUnit')?.trim() ?? fallback.orgUnit,
    from: isPeriod(from) ? from : fallback.from,
    to: isPeriod(to) ? to : fallback.to,
  };
};

/** Writes the scope into the search string, keeping unrelated parameters. */
export const scopeToSearch = (scope: Scope, currentSearch = ''): string => {
  const params = new URLSearchParams(currentSearch);
  for (const key of ['orgUnit', 'from', 'to'] as const) {
    const value = scope[key].trim();
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
};

export type ScopeErrors = Partial<Record<'from' | 'to', string>>;

/** i18n keys of what is wrong with a scope being edited; empty when it can be applied. */
export const validateScope = (scope: Scope): ScopeErrors => {
  const errors: ScopeErrors = {};
  if (!isPeriod(scope.from)) errors.from = 'levier.scope.invalid_period';
  if (!isPeriod(scope.to)) errors.to = 'levier.scope.invalid_period';
  // Same kind of period: codes sort like time. Different kinds: the API decides.
  if (!errors.from && !errors.to && periodKind(scope.from) === periodKind(scope.to) && scope.from > scope.to) {
    errors.to = 'levier.scope.to_before_from';
  }
  return errors;
};
