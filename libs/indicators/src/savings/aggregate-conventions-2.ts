import { divideOrNull } from '../money/arithmetic';
import { Decimal } from '../money/decimal';
import { Payer } from '../scenario/scenario.types';
import { aggregate } from './aggregate';
import { comparableEventsNet, EventsByOutcome } from './events-by-outcome';
import { LedgerLine, payerLedger } from './payer-ledger';
import { PublicFigures, publicFigures } from './public-figures';
import { SavingsAggregate, SavingsCell } from './savings.types';

/** A conventions-2 aggregate: the conventions-1 sums and ratios, with who pays, who saves, and events by kind. */
export interface SavingsAggregateConventions2 extends SavingsAggregate, PublicFigures {
  /** Σ net events when at most one kind of event is summed, null otherwise (README 2.6). `eventsNet` stays the raw Σ, so the aggregate is still a cell. */
  readonly comparableEventsNet: Decimal | null;
  readonly eventsByOutcome: EventsByOutcome;
  readonly costByPayer: Readonly<Partial<Record<Payer, Decimal>>>;
  readonly ledger: Readonly<Partial<Record<Payer, LedgerLine>>>;
}

/**
 * Totals of conventions-2 cells (vectors README 2.5, 2.6): as `aggregate`, plus costByPayer (Σ), eventsByOutcome (Σ by code),
 * the payer ledger and the public figures; costPerEventAvoided = cost / eventsNet only when the cells hold at most one kind
 * of event (null otherwise). Ratios are recomputed from sums, never averaged.
 */
export const aggregateConventions2 = (cells: readonly SavingsCell[]): SavingsAggregateConventions2 => {
  const sum = aggregate(cells);
  const costByPayer = sum.costByPayer ?? {};
  const eventsByOutcome = sum.eventsByOutcome ?? {};
  const comparable = comparableEventsNet({ eventsNet: sum.eventsNet, eventsByOutcome });
  return {
    ...sum,
    costByPayer,
    eventsByOutcome,
    comparableEventsNet: comparable,
    costPerEventAvoided: comparable === null ? null : divideOrNull({ numerator: sum.cost, denominator: comparable }),
    ledger: payerLedger({ byPayer: sum.byPayer, costByPayer }),
    ...publicFigures({ grossSavings: sum.grossSavings, cost: sum.cost, byPayer: sum.byPayer, costByPayer }),
  };
};
