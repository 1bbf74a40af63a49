import { Decimal } from '@levier/indicators';

/**
 * Round axis ticks (1, 2, 2.5 or 5 × 10^k apart) covering [min, max], so a chart reads « 0 / 50 k€ / 100 k€ / 150 k€ »
 * rather than « 30 / 61 / 91 / 122 k€ ». Decimal arithmetic; about `target` intervals.
 */
export const niceTicks = (min: Decimal, max: Decimal, target = 4): Decimal[] => {
  const low = Decimal.min(min, 0);
  const high = Decimal.max(max, low.plus(1));
  const raw = high.minus(low).div(target);
  const magnitude = new Decimal(10).pow(Math.floor(Math.log10(raw.toNumber())));
  const step = [1, 2, 2.5, 5, 10].map((f) => magnitude.times(f)).find((s) => s.gte(raw)) ?? magnitude.times(10);
  const first = low.div(step).floor().times(step);
  const last = high.div(step).ceil().times(step);
  const ticks: Decimal[] = [];
  for (let v = first; v.lte(last); v = v.plus(step)) ticks.push(v);
  return ticks;
};
