import { divideOrNull } from '../money/arithmetic';
import { Decimal, ZERO } from '../money/decimal';
import { Payer } from '../scenario/scenario.types';
import { addEventsByOutcome } from './events-by-outcome';
import { addStreams, paybackYears } from './payback';
import { payerEntries } from './payer-entries';
import { OutcomePeriodResult, SavingsAggregate, SavingsCell } from './savings.types';

export const EMPTY_CELL: SavingsCell = {
  eventsNet: ZERO,
  grossSavings: ZERO,
  cost: ZERO,
  spend: ZERO,
  valueStream: [],
  byPayer: {},
  cashable: ZERO,
  nonCashable: ZERO,
};

/** The additive part of an outcome result (no cost: spend belongs to the service and period). */
export const outcomeCell = (result: OutcomePeriodResult): SavingsCell => ({
  eventsNet: result.eventsNet,
  grossSavings: result.presentValue,
  cost: ZERO,
  spend: ZERO,
  valueStream: result.valueStream,
  byPayer: result.byPayer,
  cashable: result.cashable,
  nonCashable: result.nonCashable,
});

const addPayers = (left: Readonly<Partial<Record<Payer, Decimal>>>, right: Readonly<Partial<Record<Payer, Decimal>>>): Partial<Record<Payer, Decimal>> => {
  const result: Partial<Record<Payer, Decimal>> = { ...left };
  for (const [payer, amount] of payerEntries(right)) result[payer] = (result[payer] ?? ZERO).plus(amount);
  return result;
};

/** The conventions-2 keyed sums of two cells, present only when either cell carries them (conventions-1 cells never do). */
type Conventions2Parts = Pick<SavingsCell, 'costByPayer' | 'eventsByOutcome'>;
const addConventions2Parts = (left: Conventions2Parts, right: Conventions2Parts): Conventions2Parts => ({
  ...(left.costByPayer === undefined && right.costByPayer === undefined ? {} : { costByPayer: addPayers(left.costByPayer ?? {}, right.costByPayer ?? {}) }),
  ...(left.eventsByOutcome === undefined && right.eventsByOutcome === undefined
    ? {}
    : { eventsByOutcome: addEventsByOutcome(left.eventsByOutcome ?? {}, right.eventsByOutcome ?? {}) }),
});

/** Σ of two cells: money and events add, streams add on their own k = 0. */
export const addCells = (left: SavingsCell, right: SavingsCell): SavingsCell => ({
  ...addConventions2Parts(left, right),
  eventsNet: left.eventsNet.plus(right.eventsNet),
  grossSavings: left.grossSavings.plus(right.grossSavings),
  cost: left.cost.plus(right.cost),
  spend: left.spend.plus(right.spend),
  valueStream: addStreams(left.valueStream, right.valueStream),
  byPayer: addPayers(left.byPayer, right.byPayer),
  cashable: left.cashable.plus(right.cashable),
  nonCashable: left.nonCashable.plus(right.nonCashable),
});

/** Σ of many cells (same result as folding `addCells`, without the intermediate objects). */
export const sumCells = (cells: readonly SavingsCell[]): SavingsCell => {
  let eventsNet = ZERO;
  let grossSavings = ZERO;
  let cost = ZERO;
  let spend = ZERO;
  let cashable = ZERO;
  let nonCashable = ZERO;
  const valueStream: Decimal[] = [];
  const byPayer: Partial<Record<Payer, Decimal>> = {};
  let conventions2: Conventions2Parts = {};
  for (const cell of cells) {
    if (cell.costByPayer !== undefined || cell.eventsByOutcome !== undefined) conventions2 = addConventions2Parts(conventions2, cell);
    eventsNet = eventsNet.plus(cell.eventsNet);
    grossSavings = grossSavings.plus(cell.grossSavings);
    cost = cost.plus(cell.cost);
    spend = spend.plus(cell.spend);
    cashable = cashable.plus(cell.cashable);
    nonCashable = nonCashable.plus(cell.nonCashable);
    cell.valueStream.forEach((value, k) => (valueStream[k] = (valueStream[k] ?? ZERO).plus(value)));
    for (const [payer, amount] of payerEntries(cell.byPayer)) byPayer[payer] = (byPayer[payer] ?? ZERO).plus(amount);
  }
  return { eventsNet, grossSavings, cost, spend, valueStream, byPayer, cashable, nonCashable, ...conventions2 };
};

/**
 * Totals over outcomes, periods, services or org units: sums of money and events; ratios recomputed from the sums,
 * never averaged. netSavings = gross − cost; offsetRatio = gross / cost; costPerEventAvoided = cost / eventsNet;
 * paybackYears on the summed undiscounted streams against the summed spend.
 */
export const aggregate = (cells: readonly SavingsCell[]): SavingsAggregate => {
  const sum = sumCells(cells);
  return {
    ...sum,
    netSavings: sum.grossSavings.minus(sum.cost),
    offsetRatio: divideOrNull({ numerator: sum.grossSavings, denominator: sum.cost }),
    costPerEventAvoided: divideOrNull({ numerator: sum.cost, denominator: sum.eventsNet }),
    paybackYears: paybackYears({ stream: sum.valueStream, spend: sum.spend }),
  };
};
