import { divideOrNull } from '../money/arithmetic';
import { Decimal, ZERO } from '../money/decimal';
import { HOUSEHOLD_PAYER, Payer } from '../scenario/scenario.types';

export interface PublicFigures {
  /** grossSavings − byPayer.USAGER */
  readonly publicSavings: Decimal;
  /** cost − costByPayer.USAGER */
  readonly publicCost: Decimal;
  /** publicSavings − publicCost */
  readonly publicNetSavings: Decimal;
  /** publicSavings / publicCost, null when publicCost is 0 */
  readonly publicOffsetRatio: Decimal | null;
}

/**
 * Conventions 2 (vectors README 2.5): what households would have paid is never public savings, and what they pay of a
 * service is never public cost; every other payer is public (BAILLEUR_SOCIAL included).
 * publicSavings = grossSavings − byPayer.USAGER, publicCost = cost − costByPayer.USAGER,
 * publicNetSavings = publicSavings − publicCost, publicOffsetRatio = publicSavings / publicCost (null when publicCost is 0).
 */
export const publicFigures = ({
  grossSavings,
  cost,
  byPayer,
  costByPayer,
}: {
  grossSavings: Decimal;
  cost: Decimal;
  byPayer: Readonly<Partial<Record<Payer, Decimal>>>;
  costByPayer: Readonly<Partial<Record<Payer, Decimal>>>;
}): PublicFigures => {
  const publicSavings = grossSavings.minus(byPayer[HOUSEHOLD_PAYER] ?? ZERO);
  const publicCost = cost.minus(costByPayer[HOUSEHOLD_PAYER] ?? ZERO);
  return {
    publicSavings,
    publicCost,
    publicNetSavings: publicSavings.minus(publicCost),
    publicOffsetRatio: divideOrNull({ numerator: publicSavings, denominator: publicCost }),
  };
};
