import { computeSavings, ServicePeriodRow } from '../compute-savings';
import { Decimal } from '../money/decimal';
import { AggregateOutput, AggregateOutputConventions2 } from '../output/output.types';
import { formatAggregate, formatAggregateConventions2 } from '../output/format-output';
import { scenarioHasRanges } from '../compute-scenario';
import { RangeCase, Scenario } from '../scenario/scenario.types';
import { aggregate } from '../savings/aggregate';
import { aggregateConventions2 } from '../savings/aggregate-conventions-2';
import { AppliedMove, applyLeversWithMoves, LeverOptions } from './apply-levers';
import { Lever } from './levers';

/** An AGGREGATE of the scenario's conventions (under Méthode 2: public money, ledger, events by kind). */
export type Aggregate = AggregateOutput | AggregateOutputConventions2;

/** The totals' AGGREGATE with each service's (`services`, keyed by the code users know: year splits merged). */
export type SimulationAggregate = Aggregate & { readonly services: Readonly<Record<string, Aggregate>> };

export interface SimulationRanges {
  readonly low: SimulationAggregate;
  readonly high: SimulationAggregate;
}

export interface SimulationResult {
  readonly baseline: SimulationAggregate;
  readonly simulated: SimulationAggregate;
  /** simulated − baseline, key by key (money exact to the cent; a ratio that is null on either side is null). */
  readonly delta: SimulationAggregate;
  /** Low / high cases of both sides, null when no parameter is a triple. */
  readonly ranges: { readonly baseline: SimulationRanges; readonly simulated: SimulationRanges } | null;
  /** The money levers as applied, with their share per year (fongibilité checks). */
  readonly moves: readonly AppliedMove[];
}

const present = (rows: readonly ServicePeriodRow[], conventions: 1 | 2): Aggregate => {
  const cells = rows.map((row) => row.cell);
  return conventions === 2 ? formatAggregateConventions2(aggregateConventions2(cells)) : formatAggregate(aggregate(cells));
};

/**
 * The totals and per-service aggregates of a scenario in one range case, from the engine's own `computeSavings` rows and
 * aggregate (the figures `computeScenario` gives as `totals`, `services` and `ranges`, without the sensitivity runs a
 * preview does not need). Services named in `groups` are merged under the code users know.
 */
export const simulationAggregate = (scenario: Scenario, rangeCase: RangeCase, options: LeverOptions = {}): SimulationAggregate => {
  const rows = computeSavings({ scenario, rangeCase });
  const { conventions } = scenario.methodology;
  const codes = [...new Set(scenario.services.map((s) => options.groups?.[s.code] ?? s.code))].sort();
  const services: Record<string, Aggregate> = {};
  for (const code of codes)
    services[code] = present(
      rows.filter((row) => (options.groups?.[row.service] ?? row.service) === code),
      conventions,
    );
  return { ...present(rows, conventions), services };
};

const decimalsOf = (text: string): number => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);

/** right − left for output values: decimal strings exactly (to the larger of their decimals), keyed maps key by key (absent = 0). */
const subtract = (left: unknown, right: unknown): unknown => {
  if (left === null || right === null) return null;
  if (typeof left === 'string' || typeof right === 'string') {
    const [l, r] = [typeof left === 'string' ? left : '0', typeof right === 'string' ? right : '0'];
    const text = new Decimal(r).minus(new Decimal(l)).toFixed(Math.max(decimalsOf(l), decimalsOf(r)));
    return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
  }
  if (typeof left === 'object' || typeof right === 'object') {
    const [l, r] = [(left ?? {}) as Record<string, unknown>, (right ?? {}) as Record<string, unknown>];
    const keys = [...new Set([...Object.keys(l), ...Object.keys(r)])];
    return Object.fromEntries(keys.map((key) => [key, subtract(l[key] ?? zeroLike(r[key]), r[key] ?? zeroLike(l[key]))]));
  }
  return null;
};

/** The zero of a value's shape: "0.00" for "12.34", { avoided: "0.00", … } for a ledger line. */
const zeroLike = (value: unknown): unknown => {
  if (typeof value === 'string') return new Decimal(0).toFixed(decimalsOf(value));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, zeroLike(v)]));
  return null;
};

/** simulated − baseline for every key of two aggregates (services included). */
export const deltaAggregate = <A extends object>(baseline: A, simulated: A): A => subtract(baseline, simulated) as A;

/**
 * The lever simulator's computation (issue 18): the scenario as it is (`baseline`) and with the levers applied
 * (`simulated`), their difference key by key, and the low / high cases of both when the method has ranges. Pure.
 * Throws a `LeverError` (every problem named) when a lever cannot be applied.
 */
export const simulate = (scenario: Scenario, levers: readonly Lever[], options: LeverOptions = {}): SimulationResult => {
  const applied = applyLeversWithMoves(scenario, levers, options);
  const baseline = simulationAggregate(scenario, 'central', options);
  const simulated = simulationAggregate(applied.scenario, 'central', options);
  const ranges = scenarioHasRanges(scenario)
    ? {
        baseline: { low: simulationAggregate(scenario, 'low', options), high: simulationAggregate(scenario, 'high', options) },
        simulated: { low: simulationAggregate(applied.scenario, 'low', options), high: simulationAggregate(applied.scenario, 'high', options) },
      }
    : null;
  return { baseline, simulated, delta: deltaAggregate(baseline, simulated), ranges, moves: applied.moves };
};
