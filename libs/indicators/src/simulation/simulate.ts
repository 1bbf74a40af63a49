import { computeSavings, ServicePeriodRow } from '../compute-savings';
import { Decimal } from '../money/decimal';
import { SavingsCell } from '../savings/savings.types';
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

/** The AGGREGATE of some cells under the scenario's conventions (sums, then ratios of sums). */
export const presentCells = (cells: readonly SavingsCell[], conventions: 1 | 2): Aggregate =>
  conventions === 2 ? formatAggregateConventions2(aggregateConventions2(cells)) : formatAggregate(aggregate(cells));

const present = (rows: readonly ServicePeriodRow[], conventions: 1 | 2): Aggregate =>
  presentCells(
    rows.map((row) => row.cell),
    conventions,
  );

/**
 * The totals and per-service aggregates of a scenario in one range case, from the engine's own `computeSavings` rows and
 * aggregate (the figures `computeScenario` gives as `totals`, `services` and `ranges`, without the sensitivity runs a
 * preview does not need). Services named in `groups` are merged under the code users know.
 */
export const simulationAggregate = (scenario: Scenario, rangeCase: RangeCase, options: LeverOptions = {}): SimulationAggregate =>
  aggregateRows(scenario, computeSavings({ scenario, rangeCase }), options);

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

interface Baseline {
  readonly rows: Partial<Record<RangeCase, readonly ServicePeriodRow[]>>;
  readonly aggregates: Partial<Record<RangeCase, SimulationAggregate>>;
}

/**
 * The baseline of a scenario, per range case, kept while the scenario object lives (a scope's scenario is reused while a
 * slider moves). A memo over an immutable input: `simulate` stays a pure function of its arguments.
 */
const baselines = new WeakMap<Scenario, Map<string, Baseline>>();

const baselineOf = (scenario: Scenario, options: LeverOptions, rangeCase: RangeCase): { rows: readonly ServicePeriodRow[]; aggregate: SimulationAggregate } => {
  const byGroups = baselines.get(scenario) ?? new Map<string, Baseline>();
  baselines.set(scenario, byGroups);
  const key = JSON.stringify(options.groups ?? {});
  const memo = byGroups.get(key) ?? { rows: {}, aggregates: {} };
  byGroups.set(key, memo);
  const rows = memo.rows[rangeCase] ?? computeSavings({ scenario, rangeCase });
  const aggregate = memo.aggregates[rangeCase] ?? aggregateRows(scenario, rows, options);
  (memo.rows as Record<RangeCase, readonly ServicePeriodRow[]>)[rangeCase] = rows;
  (memo.aggregates as Record<RangeCase, SimulationAggregate>)[rangeCase] = aggregate;
  return { rows, aggregate };
};

const groupOf = (options: LeverOptions, code: string): string => options.groups?.[code] ?? code;

/** The totals and each group's aggregate of some rows; groups in `only` recomputed, the others taken from `reuse`. */
const aggregateRows = (
  scenario: Scenario,
  rows: readonly ServicePeriodRow[],
  options: LeverOptions,
  reuse?: { services: Readonly<Record<string, Aggregate>>; only: ReadonlySet<string> },
): SimulationAggregate => {
  const { conventions } = scenario.methodology;
  const codes = [...new Set(scenario.services.map((s) => groupOf(options, s.code)))].sort();
  const services: Record<string, Aggregate> = {};
  for (const code of codes) {
    services[code] =
      reuse !== undefined && !reuse.only.has(code)
        ? reuse.services[code]
        : present(
            rows.filter((row) => groupOf(options, row.service) === code),
            conventions,
          );
  }
  return { ...present(rows, conventions), services };
};

/**
 * The lever simulator's computation (issue 18): the scenario as it is (`baseline`) and with the levers applied
 * (`simulated`), their difference key by key, and the low / high cases of both when the method has ranges. Pure.
 * Throws a `LeverError` (every problem named) when a lever cannot be applied.
 *
 * Only the services a lever touches are recomputed (`computeSavings` on them alone): a service's rows depend on its own
 * figures only, so the others' rows and aggregates are the baseline's, which is computed once per scenario object.
 */
export const simulate = (scenario: Scenario, levers: readonly Lever[], options: LeverOptions = {}): SimulationResult => {
  const applied = applyLeversWithMoves(scenario, levers, options);
  const groups = new Set(levers.flatMap((lever) => (lever.kind === 'scale' ? [lever.service] : [lever.fromService, lever.toService])));
  const touched = new Set(scenario.services.filter((s) => groups.has(groupOf(options, s.code))).map((s) => s.code));
  const part: Scenario = {
    ...applied.scenario,
    services: applied.scenario.services.filter((s) => touched.has(s.code)),
    figures: applied.scenario.figures.filter((f) => touched.has(f.service)),
  };
  const run = (rangeCase: RangeCase) => {
    const base = baselineOf(scenario, options, rangeCase);
    const fresh = new Map(computeSavings({ scenario: part, rangeCase }).map((row) => [`${row.service}\u0000${row.period}`, row]));
    // same rows, same order as the baseline: a lever scales figures, it never adds nor removes a period
    const rows = base.rows.map((row) => (touched.has(row.service) ? (fresh.get(`${row.service}\u0000${row.period}`) ?? row) : row));
    return { baseline: base.aggregate, simulated: aggregateRows(scenario, rows, options, { services: base.aggregate.services, only: groups }) };
  };
  const central = run('central');
  const ranges = scenarioHasRanges(scenario)
    ? (() => {
        const [low, high] = [run('low'), run('high')];
        return { baseline: { low: low.baseline, high: high.baseline }, simulated: { low: low.simulated, high: high.simulated } };
      })()
    : null;
  return { baseline: central.baseline, simulated: central.simulated, delta: deltaAggregate(central.baseline, central.simulated), ranges, moves: applied.moves };
};
