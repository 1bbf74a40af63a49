import { assertNever } from './assert-never';
import { computeSavings, ServicePeriodRow } from './compute-savings';
import { computeSensitivity } from './compute-sensitivity';
import { Decimal, ZERO } from './money/decimal';
import { formatAggregate, formatAggregateConventions2, formatOutcome, formatReallocation, formatSensitivity } from './output/format-output';
import { OutcomeOutput, ScenarioOutput, ScenarioOutputOf } from './output/output.types';
import { comparePeriods } from './periods/calendar';
import { computeReallocation } from './reallocation/compute-reallocation';
import { isTriple } from './scenario/param';
import { tripleParameters } from './scenario/parameters';
import { Outcome, Scenario, UnitCost } from './scenario/scenario.types';
import { aggregate } from './savings/aggregate';
import { aggregateConventions2 } from './savings/aggregate-conventions-2';
import { netUnitCost } from './savings/net-unit-cost';
import { resolveUnitCost } from './savings/resolve-outcome';
import { OutcomePeriodResult } from './savings/savings.types';

const hasTriple = (outcome: Outcome): boolean => {
  const params = [outcome.attribution, outcome.displacement, outcome.quantityPerEvent, outcome.dropOff];
  if (outcome.mode === 'counterfactual') params.push(outcome.rateWithout, outcome.rateWith, outcome.engagement);
  else params.push(outcome.deadweight);
  return params.some(isTriple);
};

/** True when any parameter is a triple (the output then carries `ranges`): outcome parameters, and under conventions 2 unit-cost amounts. */
export const scenarioHasRanges = (scenario: Scenario): boolean =>
  scenario.services.some((service) => service.outcomes.some(hasTriple)) || scenario.unitCosts.some((unitCost) => isTriple(unitCost.amountParam));

type OutcomeSums = { [K in keyof OutcomeOutput]: Decimal };

const sumOutcome = (left: OutcomeSums, right: OutcomePeriodResult): OutcomeSums => ({
  eventsGross: left.eventsGross.plus(right.eventsGross),
  eventsNet: left.eventsNet.plus(right.eventsNet),
  unitsAvoided: left.unitsAvoided.plus(right.unitsAvoided),
  unitCost: right.unitCost,
  valueGross: left.valueGross.plus(right.valueGross),
  valueYear0: left.valueYear0.plus(right.valueYear0),
  presentValue: left.presentValue.plus(right.presentValue),
});

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
};

/** The output parts that do not depend on the conventions' aggregate type: aggregates by scope, outcomes, reallocation. */
const assemble = <A>({ scenario, format }: { scenario: Scenario; format: (rows: readonly ServicePeriodRow[]) => A }): ScenarioOutputOf<A> => {
  const rows = computeSavings({ scenario, rangeCase: 'central' });
  const periodCodes = [...new Set(rows.map((row) => row.period))].sort(comparePeriods);
  const unitCosts = new Map<string, UnitCost>(scenario.unitCosts.map((unitCost) => [unitCost.code, unitCost]));
  const { methodology } = scenario;

  const rowsByService = groupBy(rows, (row) => row.service);
  const rowsByPeriod = groupBy(rows, (row) => row.period);
  const resolve = (ref: Outcome['unitCost']) => resolveUnitCost({ ref, unitCosts, baseYear: methodology.baseYear, priceIndex: methodology.priceIndex });

  const outcomes: Record<string, OutcomeOutput> = {};
  for (const service of scenario.services) {
    const serviceRows = rowsByService.get(service.code) ?? [];
    for (const outcome of service.outcomes) {
      // Conventions 1 never has a substitution cost, so this is its unit cost, unchanged.
      const unitCost = netUnitCost({
        unitCost: resolve(outcome.unitCost),
        substitution: outcome.substitutionCost === null ? null : resolve(outcome.substitutionCost),
      });
      const start: OutcomeSums = { eventsGross: ZERO, eventsNet: ZERO, unitsAvoided: ZERO, unitCost, valueGross: ZERO, valueYear0: ZERO, presentValue: ZERO };
      const results = serviceRows.flatMap((row) => row.outcomes.filter((item) => item.code === outcome.code).map((item) => item.result));
      outcomes[`${service.code}/${outcome.code}`] = formatOutcome(results.reduce(sumOutcome, start));
    }
  }

  const ranges = scenarioHasRanges(scenario)
    ? { low: format(computeSavings({ scenario, rangeCase: 'low' })), high: format(computeSavings({ scenario, rangeCase: 'high' })) }
    : undefined;
  const reallocation = scenario.reallocation === null ? undefined : computeReallocation(scenario.reallocation, { conventions: methodology.conventions });

  return {
    totals: format(rows),
    services: Object.fromEntries(scenario.services.map((service) => [service.code, format(rowsByService.get(service.code) ?? [])])),
    periods: Object.fromEntries(periodCodes.map((period) => [period, format(rowsByPeriod.get(period) ?? [])])),
    outcomes,
    ...(ranges === undefined ? {} : { ranges }),
    ...(reallocation === undefined ? {} : { reallocation: formatReallocation(reallocation) }),
  };
};

/**
 * Computes a whole `levier-scenario/1` case (vectors README): totals, services, periods, outcomes (summed over periods),
 * low / high ranges when any parameter is a triple, and the reallocation indicators. Under conventions 2 every aggregate
 * also carries eventsByOutcome, costByPayer, ledger and the public figures, and `sensitivity` is added when any parameter
 * is a triple. Pure: no clock, no I/O.
 */
export const computeScenario = (scenario: Scenario): ScenarioOutput => {
  const cellsOf = (rows: readonly ServicePeriodRow[]) => rows.map((row) => row.cell);
  const { conventions } = scenario.methodology;
  switch (conventions) {
    case 1:
      return assemble({ scenario, format: (rows) => formatAggregate(aggregate(cellsOf(rows))) });
    case 2: {
      const output = assemble({ scenario, format: (rows) => formatAggregateConventions2(aggregateConventions2(cellsOf(rows))) });
      return tripleParameters(scenario).length === 0 ? output : { ...output, sensitivity: computeSensitivity(scenario).map(formatSensitivity) };
    }
    default:
      return assertNever(conventions, 'conventions');
  }
};
