import { Decimal, ONE, ZERO } from '../money/decimal';
import { DiscountConvention } from '../scenario/scenario.types';
import { valueStream } from './value-stream';

/** present value of a stream = Σ_k value_k / (1 + rate)^(k + t0). t0 = 0: Green Book / GMCA; t0 = 1: SROI guide. */
export const presentValueOfStream = ({ stream, rate, t0 }: { stream: readonly Decimal[]; rate: Decimal; t0: DiscountConvention }): Decimal => {
  // One division, then 1 / (1 + rate)^(k + t0) by repeated multiplication (40 significant digits: no visible loss).
  const inverse = ONE.dividedBy(ONE.plus(rate));
  let factor = t0 === 0 ? ONE : inverse;
  let total = ZERO;
  for (const value of stream) {
    total = total.plus(value.times(factor));
    factor = factor.times(inverse);
  }
  return total;
};

/** Σ_k valueYear0 × (1 − dropOff)^k / (1 + rate)^(k + t0), k = 0 … years − 1. Green Book / SROI guide. */
export const presentValue = ({
  valueYear0,
  dropOff,
  years,
  rate,
  t0,
}: {
  valueYear0: Decimal;
  dropOff: Decimal;
  years: number;
  rate: Decimal;
  t0: DiscountConvention;
}): Decimal => presentValueOfStream({ stream: valueStream({ valueYear0, dropOff, years }), rate, t0 });

/** cost_pv = spend / (1 + rate)^t0: the period's spend, discounted once under the SROI convention. */
export const costPresentValue = ({ spend, rate, t0 }: { spend: Decimal; rate: Decimal; t0: DiscountConvention }): Decimal =>
  spend.dividedBy(ONE.plus(rate).pow(t0));
