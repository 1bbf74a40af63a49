import { Decimal, ONE, ZERO } from '../money/decimal';

/**
 * Conventions 2 (vectors README 2.2): bias_factor = 1 − optimismBias where value_gross > 0, else 1, so that
 * value_year0 = value_gross × bias_factor. A harm (value_gross ≤ 0) is not shrunk by the optimism-bias reduction.
 */
export const harmAwareBiasFactor = ({ valueGross, optimismBias }: { valueGross: Decimal; optimismBias: Decimal }): Decimal =>
  valueGross.gt(ZERO) ? ONE.minus(optimismBias) : ONE;
