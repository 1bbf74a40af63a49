import { Decimal, ZERO } from '../money/decimal';

/**
 * Payback in years on the undiscounted value stream: walk k = 0, 1, … adding value_k; at the first k where the
 * running total reaches `spend` with value_k > 0, payback = k + (spend − total before year k) / value_k.
 * 0 when spend is 0 (or less); null when never reached within the stream.
 */
export const paybackYears = ({ stream, spend }: { stream: readonly Decimal[]; spend: Decimal }): Decimal | null => {
  if (spend.lte(ZERO)) return ZERO;
  let before = ZERO;
  for (let k = 0; k < stream.length; k += 1) {
    const value = stream[k];
    const after = before.plus(value);
    if (value.gt(ZERO) && after.gte(spend)) return spend.minus(before).dividedBy(value).plus(k);
    before = after;
  }
  return null;
};

/** Σ of streams aligned on their own k = 0 (the longest sets the length). */
export const addStreams = (left: readonly Decimal[], right: readonly Decimal[]): Decimal[] =>
  Array.from({ length: Math.max(left.length, right.length) }, (_, k) => (left[k] ?? ZERO).plus(right[k] ?? ZERO));
