import { Decimal } from '../money/decimal';

/** One triple-valued parameter moved alone (vectors README 2.8): the totals' netSavings at its low and high values. */
export interface SensitivityEntry {
  readonly parameter: string;
  /** Totals' netSavings with this parameter at `low`, every other at `central`. */
  readonly low: Decimal;
  /** Totals' netSavings with this parameter at `high`, every other at `central`. */
  readonly high: Decimal;
  /** |high − low|, unrounded. */
  readonly swing: Decimal;
}

/** swing = |H − L|, where L (H) is the totals' netSavings with the one parameter at low (high). Vectors README 2.8. */
export const sensitivityEntry = ({ parameter, low, high }: { parameter: string; low: Decimal; high: Decimal }): SensitivityEntry => ({
  parameter,
  low,
  high,
  swing: high.minus(low).abs(),
});

/** Unicode code-point order (not locale order, not UTF-16 code units): `"B" < "a"`, and U+FF5E < U+1F600. */
export const compareCodePoints = (left: string, right: string): number => {
  const a = Array.from(left, (c) => c.codePointAt(0) ?? 0);
  const b = Array.from(right, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
};

/** Sorted by the unrounded swing descending, then by parameter name ascending in code-point order (vectors README 2.8). */
export const sortSensitivity = (entries: readonly SensitivityEntry[]): SensitivityEntry[] =>
  [...entries].sort((left, right) => right.swing.comparedTo(left.swing) || compareCodePoints(left.parameter, right.parameter));
