import { Decimal } from '../money/decimal';
import { DiscountConvention, Payer } from '../scenario/scenario.types';

/** Outcome parameters with every triple resolved to one range case and the optimism bias looked up. */
interface ResolvedOutcomeCommon {
  readonly attribution: Decimal;
  readonly displacement: Decimal;
  readonly quantityPerEvent: Decimal;
  readonly optimismBias: Decimal;
  readonly durationYears: number;
  readonly dropOff: Decimal;
}

export type ResolvedOutcome =
  | (ResolvedOutcomeCommon & { readonly mode: 'counterfactual'; readonly rateWithout: Decimal; readonly rateWith: Decimal; readonly engagement: Decimal })
  | (ResolvedOutcomeCommon & { readonly mode: 'observed'; readonly deadweight: Decimal });

/** The figures of one service and period that the savings engine reads (null = absent). */
export interface OutcomePeriodFigures {
  readonly personMonths: Decimal | null;
  readonly beneficiaries: Decimal | null;
  readonly monthsInPeriod: number;
  /** `observed.<outcomeCode>`, for observed-mode outcomes. */
  readonly observed: Decimal | null;
}

export interface DiscountParameters {
  readonly rate: Decimal;
  readonly t0: DiscountConvention;
}

/** One (service, outcome, period) result, full precision. */
export interface OutcomePeriodResult {
  readonly eventsGross: Decimal;
  readonly eventsNet: Decimal;
  readonly unitsAvoided: Decimal;
  readonly unitCost: Decimal;
  readonly valueGross: Decimal;
  readonly valueYear0: Decimal;
  readonly presentValue: Decimal;
  /** Undiscounted value_k, k = 0 … durationYears − 1. */
  readonly valueStream: readonly Decimal[];
  readonly byPayer: Readonly<Partial<Record<Payer, Decimal>>>;
  readonly cashable: Decimal;
  readonly nonCashable: Decimal;
}

/** Additive quantities of any scope (outcome, service × period, org unit, tree): sums only, no ratio. */
export interface SavingsCell {
  readonly eventsNet: Decimal;
  readonly grossSavings: Decimal;
  /** Spend discounted by the convention (cost_pv). */
  readonly cost: Decimal;
  /** Undiscounted spend (payback compares the undiscounted stream with it). */
  readonly spend: Decimal;
  readonly valueStream: readonly Decimal[];
  readonly byPayer: Readonly<Partial<Record<Payer, Decimal>>>;
  readonly cashable: Decimal;
  readonly nonCashable: Decimal;
  /** Conventions 2 only (absent under conventions 1): `cost` split by the funding shares of the services it covers. */
  readonly costByPayer?: Readonly<Partial<Record<Payer, Decimal>>>;
  /** Conventions 2 only (absent under conventions 1): net events by outcome code, zeros included. */
  readonly eventsByOutcome?: Readonly<Record<string, Decimal>>;
}

/** A cell with its ratios recomputed from its sums. */
export interface SavingsAggregate extends SavingsCell {
  readonly netSavings: Decimal;
  /** grossSavings / cost, null when cost is 0. */
  readonly offsetRatio: Decimal | null;
  /** cost / eventsNet, null when eventsNet is 0. */
  readonly costPerEventAvoided: Decimal | null;
  readonly paybackYears: Decimal | null;
}
