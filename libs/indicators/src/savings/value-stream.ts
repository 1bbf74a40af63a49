import { Decimal, ONE } from '../money/decimal';

/** value_k = value_year0 × (1 − dropOff)^k, k = 0 … durationYears − 1 (undiscounted). */
export const valueStream = ({ valueYear0, dropOff, years }: { valueYear0: Decimal; dropOff: Decimal; years: number }): Decimal[] => {
  const retention = ONE.minus(dropOff);
  const stream: Decimal[] = [];
  for (let k = 0, value = valueYear0; k < years; k += 1, value = value.times(retention)) stream.push(value);
  return stream;
};
