import { Decimal } from '../money/decimal';
import { payerEntries } from '../savings/payer-entries';
import { SavingsCell } from '../savings/savings.types';
import { Figure, Payer } from '../scenario/scenario.types';
import { applyLeversWithMoves, LeverFactor } from './apply-levers';
import { Lever } from './levers';
import { Aggregate, deltaAggregate, presentCells, SimulationAggregate, SimulationResult } from './simulate';

/**
 * What the lever simulator needs of a scope when its figures have already been computed (the read model's rows): each
 * service's cell in each range case (Σ over the scope's units and periods) and each service's spend per period.
 */
export interface SimulationCells {
  readonly conventions: 1 | 2;
  /** Every service code of the scope's scenario, those without any figure included (their aggregate is zero). */
  readonly services: readonly string[];
  /** Each service's spend per period, one `spend` figure per service and period that has any figure (0 allowed). */
  readonly spend: readonly Figure[];
  /** Per range case, each service's cell (absent: no figure). Low and high are given when the method has ranges. */
  readonly cells: { readonly central: Readonly<Record<string, SavingsCell>> } & Partial<Record<'low' | 'high', Readonly<Record<string, SavingsCell>>>>;
}

const scaleKeyed = (record: Readonly<Record<string, Decimal>>, times: (value: Decimal) => Decimal): Record<string, Decimal> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, times(value)]));

/** Every sum of a cell × numerator / denominator (events, money, streams, payer maps): a service's cell when its figures are × that factor. */
export const scaleCell = (cell: SavingsCell, { numerator, denominator }: LeverFactor): SavingsCell => {
  const times = (value: Decimal): Decimal => value.times(numerator).dividedBy(denominator);
  const payers = (record: Readonly<Partial<Record<Payer, Decimal>>>): Partial<Record<Payer, Decimal>> =>
    Object.fromEntries(payerEntries(record).map(([payer, value]) => [payer, times(value)]));
  return {
    eventsNet: times(cell.eventsNet),
    grossSavings: times(cell.grossSavings),
    cost: times(cell.cost),
    spend: times(cell.spend),
    valueStream: cell.valueStream.map(times),
    byPayer: payers(cell.byPayer),
    cashable: times(cell.cashable),
    nonCashable: times(cell.nonCashable),
    ...(cell.costByPayer === undefined ? {} : { costByPayer: payers(cell.costByPayer) }),
    ...(cell.eventsByOutcome === undefined ? {} : { eventsByOutcome: scaleKeyed(cell.eventsByOutcome, times) }),
  };
};

/**
 * The baseline of a basis per range case, kept while the basis object lives (a scope's basis is reused while a slider
 * moves): every service's AGGREGATE and the totals'. A memo over an immutable input: `simulateCells` stays pure.
 */
const baselines = new WeakMap<SimulationCells, Partial<Record<'central' | 'low' | 'high', SimulationAggregate>>>();

const baselineOf = (basis: SimulationCells, rangeCase: 'central' | 'low' | 'high', cells: Readonly<Record<string, SavingsCell>>): SimulationAggregate => {
  const memo = baselines.get(basis) ?? {};
  baselines.set(basis, memo);
  const known = memo[rangeCase];
  if (known !== undefined) return known;
  const services: Record<string, Aggregate> = {};
  const present: SavingsCell[] = [];
  for (const code of [...new Set(basis.services)].sort()) {
    const cell = cells[code];
    services[code] = presentCells(cell === undefined ? [] : [cell], basis.conventions);
    if (cell !== undefined) present.push(cell);
  }
  const baseline = { ...presentCells(present, basis.conventions), services };
  memo[rangeCase] = baseline;
  return baseline;
};

/**
 * `simulate` on a scope whose cells are known, by the method's linearity: the engine is linear in a service's spend,
 * exposure and counted outcomes (homogeneous of degree 1 for a factor > 0, a harm staying a harm under conventions 2), so
 * a service whose lever metrics are × F has every sum of its cell × F; the aggregates (ratios of sums) are then
 * recomputed as `simulate` does. The levers are applied by the same `applyLeversWithMoves` to the services' spend (the
 * only figure a lever reads), which gives each service's factor, the moves per year and the same French refusals.
 * Same answer as `simulate` on the scope's scenario (proven by tests on the golden vectors and the demo), without a run
 * of the engine over the figures. Pure.
 */
export const simulateCells = (basis: SimulationCells, levers: readonly Lever[]): SimulationResult => {
  const applied = applyLeversWithMoves({ services: basis.services.map((code) => ({ code })), figures: basis.spend }, levers);
  const factors = new Map([...applied.factors].filter(([, factor]) => !factor.numerator.eq(factor.denominator)));
  const run = (
    rangeCase: 'central' | 'low' | 'high',
    cells: Readonly<Record<string, SavingsCell>>,
  ): { baseline: SimulationAggregate; simulated: SimulationAggregate } => {
    const baseline = baselineOf(basis, rangeCase, cells);
    if (factors.size === 0) return { baseline, simulated: baseline };
    const services: Record<string, Aggregate> = { ...baseline.services };
    const simulatedCells: SavingsCell[] = [];
    for (const code of Object.keys(baseline.services)) {
      const cell = cells[code];
      const factor = factors.get(code);
      if (cell === undefined) continue;
      const scaled = factor === undefined ? cell : scaleCell(cell, factor);
      if (scaled !== cell) services[code] = presentCells([scaled], basis.conventions);
      simulatedCells.push(scaled);
    }
    return { baseline, simulated: { ...presentCells(simulatedCells, basis.conventions), services } };
  };
  const central = run('central', basis.cells.central);
  const { low, high } = basis.cells;
  const ranges =
    low !== undefined && high !== undefined
      ? (() => {
          const [l, h] = [run('low', low), run('high', high)];
          return { baseline: { low: l.baseline, high: h.baseline }, simulated: { low: l.simulated, high: h.simulated } };
        })()
      : null;
  return { baseline: central.baseline, simulated: central.simulated, delta: deltaAggregate(central.baseline, central.simulated), ranges, moves: applied.moves };
};
