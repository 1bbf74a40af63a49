/**
 * What the comparison table compares (issue 14, item 3). The previous period and the same period a year earlier are two
 * columns only when they differ: for a 12-month window (or a year) they are the same months, so one column. A change is
 * a percentage only on a positive base; on a zero or negative base a percentage says nothing (« +587,7 % » from −12 k€),
 * so the difference is given in euros (computed exactly on the decimal strings, no float).
 */
import { subtractDecimals } from '../format/decimal-arithmetic';
import { isDecimalString } from '../format/decimal-format';
import { PUBLIC_KEYS, showsPublicFirst } from './headline';
import type { IndicatorSummary, MaybeDecimal } from '@levier/contracts';
import type { Scope } from './scope.types';
import { comparisonScopes } from './scope';

export type ComparisonColumn = { key: 'previous'; scope: Scope; alsoLastYear: boolean } | { key: 'lastYear'; scope: Scope };

/** The comparison columns of a scope: none when the range mixes kinds of periods; one when both comparisons are the same months. */
export const comparisonColumns = (scope: Scope): ComparisonColumn[] => {
  const { previous, lastYear } = comparisonScopes(scope);
  if (!previous || !lastYear) return [];
  if (previous.from === lastYear.from && previous.to === lastYear.to) return [{ key: 'previous', scope: previous, alsoLastYear: true }];
  return [
    { key: 'previous', scope: previous, alsoLastYear: false },
    { key: 'lastYear', scope: lastYear },
  ];
};

export type Change =
  | { kind: 'none' }
  /** Relative change, rounded to a tenth of a percent for display. */
  | { kind: 'percent'; value: number }
  /** current − base, exact decimal string: the base is zero or negative. */
  | { kind: 'difference'; value: string };

const sign = (value: string): -1 | 0 | 1 => {
  const trimmed = value.trim();
  if (/^[+-]?0*(\.0*)?$/.test(trimmed)) return 0;
  return trimmed.startsWith('-') ? -1 : 1;
};

export const changeOf = (current: MaybeDecimal | undefined, base: MaybeDecimal | undefined): Change => {
  if (!isDecimalString(current) || !isDecimalString(base)) return { kind: 'none' };
  if (sign(base) <= 0) {
    const difference = subtractDecimals(current, base);
    return difference === null ? { kind: 'none' } : { kind: 'difference', value: difference };
  }
  // display only: the ratio of two figures the API gave, rounded to 0.1 %
  const pct = ((Number(current) - Number(base)) / Number(base)) * 100;
  return { kind: 'percent', value: Math.round(pct * 10) / 10 };
};

export type ComparedKey = 'grossSavings' | 'cost' | 'netSavings' | 'offsetRatio' | (typeof PUBLIC_KEYS)[keyof typeof PUBLIC_KEYS];

/** Rows of the table: public figures first under conventions 2 (then the all-payers ones), the all-payers ones otherwise. */
export const comparedKeys = (summary: IndicatorSummary): ComparedKey[] => {
  const all = ['grossSavings', 'cost', 'netSavings', 'offsetRatio'] as const;
  return showsPublicFirst(summary) ? [...all.map((k) => PUBLIC_KEYS[k]), ...all] : [...all];
};

export interface ComparisonRow {
  key: ComparedKey;
  current: MaybeDecimal;
  /** Per column, in the order of `comparisonColumns`. */
  bases: MaybeDecimal[];
  changes: Change[];
}

const valueOf = (summary: IndicatorSummary | null | undefined, key: ComparedKey): MaybeDecimal => (summary ? (summary[key] ?? null) : null);

export const comparisonRows = (current: IndicatorSummary, bases: ReadonlyArray<IndicatorSummary | null | undefined>): ComparisonRow[] =>
  comparedKeys(current).map((key) => {
    const values = bases.map((b) => valueOf(b, key));
    return { key, current: valueOf(current, key), bases: values, changes: values.map((b) => changeOf(valueOf(current, key), b)) };
  });
