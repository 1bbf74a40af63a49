import { Decimal } from '../money/decimal';
import { ResolvedUnitCost } from './unit-cost';

/**
 * cashable = amount × Σ over the mix (component's share of the unit cost × cashableShare) (precomputed in `mixUnitCost`);
 * nonCashable = amount − cashable, so the two always add up to the amount.
 */
export const splitCashable = ({ amount, unitCost }: { amount: Decimal; unitCost: ResolvedUnitCost }): { cashable: Decimal; nonCashable: Decimal } => {
  const cashable = amount.times(unitCost.cashableShare);
  return { cashable, nonCashable: amount.minus(cashable) };
};
