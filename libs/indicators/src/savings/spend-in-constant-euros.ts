import { Decimal } from '../money/decimal';
import { indexedAmount } from './unit-cost';

/**
 * Conventions 2 (vectors README 2.4): the spend of a period of year Y in constant euros of the base year,
 * spend × I(baseYear) / I(Y), converted exactly like a unit cost (no index needed when Y = baseYear; a missing one throws).
 */
export const constantEurosSpend = ({
  spend,
  year,
  baseYear,
  priceIndex,
}: {
  spend: Decimal;
  year: number;
  baseYear: number;
  priceIndex: Readonly<Record<number, Decimal>>;
}): Decimal => indexedAmount({ amount: spend, priceYear: year, baseYear, priceIndex });

/**
 * factor(Y) = I(baseYear) / I(Y), 1 when Y = baseYear: the spend conversion factor of a year, for callers that convert
 * sums of spend (the conversion is linear). `constantEurosSpend` is the same conversion, amount first.
 */
export const spendConversionFactor = ({
  year,
  baseYear,
  priceIndex,
}: {
  year: number;
  baseYear: number;
  priceIndex: Readonly<Record<number, Decimal>>;
}): Decimal => constantEurosSpend({ spend: new Decimal(1), year, baseYear, priceIndex });
