import { Decimal, ZERO } from '../money/decimal';
import { Payer } from '../scenario/scenario.types';
import { payerEntries } from './payer-entries';
import { ResolvedUnitCost } from './unit-cost';

/** One component of an outcome's net unit cost: `value` = share × indexed amount, negated for a substitution component. */
export interface SignedComponent {
  readonly code: string;
  readonly value: Decimal;
  readonly payers: Readonly<Partial<Record<Payer, Decimal>>>;
  readonly cashableShare: Decimal;
}

/**
 * The components of unit_cost_net (vectors README 2.3): each avoided-cost component with value = share × indexed amount,
 * then each substitution component with value = −share × indexed amount. Σ value = unit_cost_net.
 */
export const signedComponents = ({ unitCost, substitution }: { unitCost: ResolvedUnitCost; substitution: ResolvedUnitCost | null }): SignedComponent[] => [
  ...unitCost.components.map((c) => ({ code: c.code, value: c.share.times(c.indexedAmount), payers: c.payers, cashableShare: c.cashableShare })),
  ...(substitution?.components ?? []).map((c) => ({
    code: c.code,
    value: c.share.times(c.indexedAmount).negated(),
    payers: c.payers,
    cashableShare: c.cashableShare,
  })),
];

/**
 * Conventions 2 splits (vectors README 2.3): part = scale × component_value, with
 * scale = units_avoided × bias_factor × pv_factor; byPayer[p] = Σ part × payer share, cashable = Σ part × cashableShare.
 * Signed: a payer of a substitution component loses money on an avoided event. A payer listed with a share of 0 is kept, with 0.
 */
export const splitSignedParts = ({
  components,
  scale,
}: {
  components: readonly SignedComponent[];
  scale: Decimal;
}): { byPayer: Partial<Record<Payer, Decimal>>; cashable: Decimal } => {
  const byPayer: Partial<Record<Payer, Decimal>> = {};
  let cashable = ZERO;
  for (const component of components) {
    const part = scale.times(component.value);
    for (const [payer, share] of payerEntries(component.payers)) byPayer[payer] = (byPayer[payer] ?? ZERO).plus(part.times(share));
    cashable = cashable.plus(part.times(component.cashableShare));
  }
  return { byPayer, cashable };
};
