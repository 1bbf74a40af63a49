import { Decimal, ONE } from '../money/decimal';
import { Funding, Payer } from '../scenario/scenario.types';
import { payerEntries } from './payer-entries';

/** Funding of a service without a `funding` key: the commune (its CCAS) pays it all (vectors README 2.5). */
export const DEFAULT_FUNDING: Funding = { COMMUNE_CCAS: ONE };

/**
 * cost_by_payer[p] = cost × funding[p] (vectors README 2.5, conventions 2): the (discounted, constant-euro) cost of a
 * service and period split by who pays the service. A payer listed with a share of 0 is kept, with 0.
 */
export const costByPayer = ({ cost, funding }: { cost: Decimal; funding: Funding }): Partial<Record<Payer, Decimal>> => {
  const result: Partial<Record<Payer, Decimal>> = {};
  for (const [payer, share] of payerEntries(funding)) result[payer] = cost.times(share);
  return result;
};
