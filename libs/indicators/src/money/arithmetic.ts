import { Decimal, ZERO } from './decimal';

/** Σ values (0 for an empty list). */
export const sumDecimals = (values: Iterable<Decimal>): Decimal => {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
};

/** The arithmetic mean, or `null` for an empty list (the need coverage « tous besoins (moyenne) »). */
export const meanOrNull = (values: readonly Decimal[]): Decimal | null => (values.length === 0 ? null : sumDecimals(values).dividedBy(values.length));

/** numerator / denominator, or `null` when the denominator is 0 (never a silent 0 or Infinity). */
export const divideOrNull = ({ numerator, denominator }: { numerator: Decimal; denominator: Decimal }): Decimal | null =>
  denominator.isZero() ? null : numerator.dividedBy(denominator);

/** Σ of two keyed maps of decimals (keys of both kept, insertion order: left then new right keys). */
export const addKeyed = (left: Readonly<Record<string, Decimal>>, right: Readonly<Record<string, Decimal>>): Record<string, Decimal> => {
  const result: Record<string, Decimal> = { ...left };
  for (const [key, value] of Object.entries(right)) result[key] = (result[key] ?? ZERO).plus(value);
  return result;
};
