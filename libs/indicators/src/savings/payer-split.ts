import { Decimal } from '../money/decimal';
import { Payer } from '../scenario/scenario.types';
import { payerEntries } from './payer-entries';
import { ResolvedUnitCost } from './unit-cost';

/**
 * Who would have paid: amount × Σ over the mix (component's share of the unit cost × payer share),
 * a component's share of the unit cost being share × indexed amount / unit cost (precomputed in `mixUnitCost`).
 */
export const splitByPayer = ({ amount, unitCost }: { amount: Decimal; unitCost: ResolvedUnitCost }): Partial<Record<Payer, Decimal>> => {
  const result: Partial<Record<Payer, Decimal>> = {};
  for (const [payer, share] of payerEntries(unitCost.payerShares)) result[payer] = amount.times(share);
  return result;
};
