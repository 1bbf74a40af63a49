import { Decimal, ZERO } from '../money/decimal';
import { BudgetTransfer } from '../scenario/scenario.types';

/**
 * Net flow per M57 function = inflows − outflows over every transfer that carries functions (flagged or not,
 * any instrument). Transfers without functions are left out; the flows sum to 0.
 */
export const netFlowByFunction = (transfers: readonly BudgetTransfer[]): Record<string, Decimal> => {
  const flows = new Map<string, Decimal>();
  for (const transfer of transfers) {
    if (transfer.from.function === null || transfer.to.function === null) continue;
    flows.set(transfer.from.function, (flows.get(transfer.from.function) ?? ZERO).minus(transfer.amount));
    flows.set(transfer.to.function, (flows.get(transfer.to.function) ?? ZERO).plus(transfer.amount));
  }
  return Object.fromEntries(flows);
};
