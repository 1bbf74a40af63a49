/** The dashboard scope (org unit, from, to) ⇄ URL search parameters, and period codes (docs/product-rules.md#periods-numbers-money). */
import type { Scope } from './scope.types';

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

/** Twelve months ending at `lastMonth` (`YYYY-MM`): the default when the data stops before today. */
export const scopeEndingAt = (lastMonth: string): Scope => {
  const year = Number(lastMonth.slice(0, 4));
  const month = Number(lastMonth.slice(5, 7)) - 1;
  return { orgUnit: '', from: monthCode(year, month - 11), to: monthCode(year, month) };
};

/** The last month of a by-month series that has numbers, or null. */
export const lastMonthWithData = (items: ReadonlyArray<{ key: string; grossSavings?: string | null; cost?: string | null }>): string | null => {
  const months = items.filter((i) => /^\d{4}-(0[1-9]|1[0-2])$/.test(i.key) && (i.grossSavings != null || i.cost != null)).map((i) => i.key);
  return months.length === 0 ? null : months.sort()[months.length - 1];
};

/** Reads the scope from `?orgUnit=…&from=…&to=…`; missing or malformed periods fall back. */
export const scopeFromSearch = (search: string, fallback: Scope): Scope => {
  const params = new URLSearchParams(search);
  // `period=` (older report links): that one period
  const period = params.get('period')?.trim() ?? '';
  const from = params.get('from')?.trim() ?? period;
  const to = params.get('to')?.trim() ?? period;
  const scope: Scope = {
    orgUnit: params.get('orgUnit')?.trim() ?? fallback.orgUnit,
    from: isPeriod(from) ? from : fallback.from,
    to: isPeriod(to) ? to : fallback.to,
  };
  // Optional keys only when they say something: no service = all services, basis defaults to current.
  const service = params.get('service')?.trim() ?? fallback.service ?? '';
  if (service) scope.service = service;
  const basis = params.get('basis')?.trim() ?? fallback.basis;
  if (basis === 'reported') scope.basis = 'reported';
  return scope;
};

/** Writes the scope into the search string, keeping unrelated parameters. */
export const scopeToSearch = (scope: Scope, currentSearch = ''): string => {
  const params = new URLSearchParams(currentSearch);
  for (const key of ['orgUnit', 'from', 'to', 'service'] as const) {
    const value = (scope[key] ?? '').trim();
    if (value) params.set(key, value);
    else params.delete(key);
  }
  if (scope.basis === 'reported') params.set('basis', 'reported');
  else params.delete('basis');
  params.delete('period');
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

/** Shifts a period code by n of its own units (months, quarters or years). */
export const shiftPeriod = (period: string, n: number): string | null => {
  const kind = periodKind(period);
  const year = Number(period.slice(0, 4));
  if (kind === 'year') return String(year + n);
  if (kind === 'quarter') {
    const index = year * 4 + Number(period.slice(6)) - 1 + n;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  if (kind === 'month') return monthCode(year, Number(period.slice(5, 7)) - 1 + n);
  return null;
};

const unitsPerYear = { year: 1, quarter: 4, month: 12 } as const;

/** Number of periods from `from` to `to` inclusive, when both are of the same kind. */
export const periodSpan = (from: string, to: string): number | null => {
  const kind = periodKind(from);
  if (!kind || kind !== periodKind(to)) return null;
  const ordinal = (p: string) => {
    const y = Number(p.slice(0, 4));
    if (kind === 'year') return y;
    return y * unitsPerYear[kind] + Number(kind === 'quarter' ? p.slice(6) : p.slice(5, 7)) - 1;
  };
  const span = ordinal(to) - ordinal(from) + 1;
  return span > 0 ? span : null;
};

/** The comparison scopes: the period of the same length just before, and the same period a year earlier. */
export const comparisonScopes = (scope: Scope): { previous: Scope | null; lastYear: Scope | null } => {
  const span = periodSpan(scope.from, scope.to);
  const kind = periodKind(scope.from);
  if (span === null || kind === null) return { previous: null, lastYear: null };
  const shift = (n: number): Scope | null => {
    const from = shiftPeriod(scope.from, n);
    const to = shiftPeriod(scope.to, n);
    return from && to ? { ...scope, from, to } : null;
  };
  return { previous: shift(-span), lastYear: shift(-unitsPerYear[kind]) };
};
