import { Decimal, ONE, ZERO } from '../money/decimal';
import { sumDecimals } from '../money/arithmetic';
import { Payer } from '../scenario/scenario.types';
import { payerEntries } from './payer-entries';

/** Unit cost of price year Y in constant euros of the base year: amount × I(baseYear) / I(Y); no index needed when Y = baseYear. */
export const indexedAmount = ({
  amount,
  priceYear,
  baseYear,
  priceIndex,
}: {
  amount: Decimal;
  priceYear: number;
  baseYear: number;
  priceIndex: Readonly<Record<number, Decimal>>;
}): Decimal => {
  if (priceYear === baseYear) return amount;
  const base = priceIndex[baseYear];
  const price = priceIndex[priceYear];
  if (base === undefined || price === undefined) throw new Error(`indice des prix manquant pour ${base === undefined ? baseYear : priceYear}`);
  return amount.times(base).dividedBy(price);
};

/** One component of a (possibly single-component) unit cost, already indexed to the base year. */
export interface UnitCostComponent {
  readonly code: string;
  /** Share in the mix (1 for a plain unit cost). */
  readonly share: Decimal;
  /** amount × I(baseYear) / I(priceYear). */
  readonly indexedAmount: Decimal;
  readonly payers: Readonly<Partial<Record<Payer, Decimal>>>;
  readonly cashableShare: Decimal;
}

export interface ResolvedUnitCost {
  readonly components: readonly UnitCostComponent[];
  /** Σ share × indexed amount. */
  readonly amount: Decimal;
  /** Effective payer shares of the whole unit cost: Σ over the mix (component weight × payer share). */
  readonly payerShares: Readonly<Partial<Record<Payer, Decimal>>>;
  /** Effective cashable share: Σ over the mix (component weight × cashableShare). */
  readonly cashableShare: Decimal;
}

/** Each component's share of the unit cost's value: share × indexed amount / unit cost (0 when the unit cost is 0; 1 alone). */
const weightsOf = ({ components, amount }: { components: readonly UnitCostComponent[]; amount: Decimal }): Decimal[] => {
  if (components.length === 1) return [ONE];
  return components.map((component) => (amount.isZero() ? ZERO : component.share.times(component.indexedAmount).dividedBy(amount)));
};

/**
 * unit_cost = Σ over the mix: share × amount × I(baseYear) / I(priceYear).
 * The payer and cashable shares of the whole cost are precomputed once: a mix splits each component's value
 * (its weight share × indexed amount / unit cost) by that component's own shares.
 */
export const mixUnitCost = (components: readonly UnitCostComponent[]): ResolvedUnitCost => {
  const amount = sumDecimals(components.map((component) => component.share.times(component.indexedAmount)));
  const weights = weightsOf({ components, amount });
  const payerShares: Partial<Record<Payer, Decimal>> = {};
  components.forEach((component, index) => {
    for (const [payer, share] of payerEntries(component.payers)) {
      if (share.isZero()) continue;
      payerShares[payer] = (payerShares[payer] ?? ZERO).plus(weights[index].times(share));
    }
  });
  const cashableShare = sumDecimals(components.map((component, index) => weights[index].times(component.cashableShare)));
  return { components, amount, payerShares, cashableShare };
};

/** Each component's share of the unit cost's value: share × indexed amount / unit cost (0 when the unit cost is 0). */
export const componentWeights = (unitCost: Pick<ResolvedUnitCost, 'components' | 'amount'>): Decimal[] => weightsOf(unitCost);
