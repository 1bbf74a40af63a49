import { Decimal, ONE } from '../money/decimal';
import { DiscountConvention } from '../scenario/scenario.types';
import { presentValueOfStream } from './present-value';
import { valueStream } from './value-stream';

/**
 * pv_factor = Σ_k (1 − dropOff)^k / (1 + rate)^(k + t0), k = 0 … years − 1: the present value of one euro of
 * value_year0 (so present_value = value_year0 × pv_factor). Green Book / SROI guide; vectors README 2.3 splits.
 */
export const presentValueFactor = ({ dropOff, years, rate, t0 }: { dropOff: Decimal; years: number; rate: Decimal; t0: DiscountConvention }): Decimal =>
  presentValueOfStream({ stream: valueStream({ valueYear0: ONE, dropOff, years }), rate, t0 });
