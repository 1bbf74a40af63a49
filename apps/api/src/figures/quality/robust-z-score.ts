import Decimal from 'decimal.js';

/** Below this many past values, a history says nothing reliable about a new one. */
export const MIN_HISTORY = 6;
/** Iglewicz & Hoaglin's threshold for the modified z-score. */
export const OUTLIER_THRESHOLD = new Decimal('3.5');

const median = (sorted: readonly Decimal[]): Decimal => {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : sorted[mid - 1].plus(sorted[mid]).div(2);
};
const sortAsc = (values: readonly Decimal[]): Decimal[] => [...values].sort((a, b) => a.comparedTo(b));

export interface RobustZScore {
  z: Decimal;
  median: Decimal;
}

/**
 * Modified z-score of `value` against `history` (Iglewicz & Hoaglin 1993):
 *   z = (x − median) / (1.4826 × MAD), MAD = median(|xᵢ − median|);
 * when MAD = 0 (more than half the history is one value), the mean absolute deviation takes over:
 *   z = (x − median) / (1.253314 × meanAD).
 * `null` when the history is too short (< {@link MIN_HISTORY}) or flat (every value equal).
 */
export const robustZScore = (value: Decimal, history: readonly Decimal[]): RobustZScore | null => {
  if (history.length < MIN_HISTORY) return null;
  const m = median(sortAsc(history));
  const deviations = history.map((x) => x.minus(m).abs());
  const mad = median(sortAsc(deviations));
  if (!mad.isZero()) return { z: value.minus(m).div(mad.times('1.4826')), median: m };
  const meanAd = deviations.reduce((sum, d) => sum.plus(d), new Decimal(0)).div(deviations.length);
  if (meanAd.isZero()) return null;
  return { z: value.minus(m).div(meanAd.times('1.253314')), median: m };
};

/** True when |z| exceeds {@link OUTLIER_THRESHOLD}. */
export const isOutlier = (score: RobustZScore | null): score is RobustZScore => score !== null && score.z.abs().gt(OUTLIER_THRESHOLD);

/**
 * A cheap screen before the exact {@link robustZScore}: the same modified z-score in binary floating point, used only
 * to skip series that are nowhere near the threshold (|z| < 3 when the flag starts at 3.5, a margin no rounding error
 * approaches). No value is ever stored or shown from it. `Infinity` when the history is flat or short: decide exactly.
 */
export const screenZScore = (value: string, history: readonly string[]): number => {
  if (history.length < MIN_HISTORY) return 0;
  const xs = history.map(Number).sort((a, b) => a - b);
  const med = (s: number[]): number => (s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2);
  const m = med(xs);
  const mad = med(xs.map((x) => Math.abs(x - m)).sort((a, b) => a - b));
  if (mad === 0) return Infinity;
  return Math.abs(Number(value) - m) / (1.4826 * mad);
};
