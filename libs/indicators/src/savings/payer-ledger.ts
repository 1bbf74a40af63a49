import { Decimal, ZERO } from '../money/decimal';
import { ALL_PAYERS, Payer } from '../scenario/scenario.types';

/** What one payer would have paid without the service (`avoided`), pays for it (`cost`), and the difference. */
export interface LedgerLine {
  readonly avoided: Decimal;
  readonly cost: Decimal;
  readonly net: Decimal;
}

/**
 * Conventions 2 (vectors README 2.5): ledger[p] = { avoided: byPayer[p], cost: costByPayer[p], net = avoided − cost }
 * for every payer present in byPayer or costByPayer (a missing side is 0), in the payer order of the output.
 */
export const payerLedger = ({
  byPayer,
  costByPayer,
}: {
  byPayer: Readonly<Partial<Record<Payer, Decimal>>>;
  costByPayer: Readonly<Partial<Record<Payer, Decimal>>>;
}): Partial<Record<Payer, LedgerLine>> => {
  const ledger: Partial<Record<Payer, LedgerLine>> = {};
  for (const payer of ALL_PAYERS) {
    const avoided = byPayer[payer];
    const cost = costByPayer[payer];
    if (avoided === undefined && cost === undefined) continue;
    ledger[payer] = { avoided: avoided ?? ZERO, cost: cost ?? ZERO, net: (avoided ?? ZERO).minus(cost ?? ZERO) };
  }
  return ledger;
};
