import { divideOrNull, sumDecimals } from '../money/arithmetic';
import { Decimal, ONE } from '../money/decimal';

/** Need coverage = min(1, FTE-days supplied / FTE-days requested); null when nothing was requested. */
export const needCoverage = ({ supplied, requested }: { supplied: Decimal; requested: Decimal }): Decimal | null => {
  const ratio = divideOrNull({ numerator: supplied, denominator: requested });
  return ratio === null ? null : Decimal.min(ONE, ratio);
};

/** Critical coverage pools the critical needs: Σ min(supplied, requested) / Σ requested; null without critical needs. */
export const criticalCoverage = (needs: readonly { supplied: Decimal; requested: Decimal }[]): Decimal | null =>
  divideOrNull({
    numerator: sumDecimals(needs.map(({ supplied, requested }) => Decimal.min(supplied, requested))),
    denominator: sumDecimals(needs.map(({ requested }) => requested)),
  });
