import { Decimal, ZERO } from './money/decimal';
import { formatAggregate, formatOutcome, formatReallocation } from './output/format-output';
import { OutcomeOutput, ScenarioOutput } from './output/output.types';
import { comparePeriods, monthsInPeriod } from './periods/calendar';
import { computeReallocation } from './reallocation/compute-reallocation';
import { isTriple } from './scenario/param';
import { Outcome, RangeCase, Scenario, UnitCost } from './scenario/scenario.types';
import { aggregate } from './savings/aggregate';
import { computeOutcomePeriod } from './savings/outcome-period';
import { resolveOutcome, resolveUnitCost } from './savings/resolve-outcome';
import { DiscountParameters, OutcomePeriodResult, SavingsCell } from './savings/savings.types';
import { computeServicePeriod } from './savings/service-period';

/** One service and period of a run: its cell (sums) and each outcome's detailed result. */
export interface ServicePeriodRow {
  readonly service: string;
  readonly period: string;
  readonly cell: SavingsCell;
  readonly outcomes: readonly { readonly code: string; readonly result: OutcomePeriodResult }[];
}

type FigureIndex = ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, Decimal>>>;

/** service → period → metric → value. */
const indexFigures = (scenario: Scenario): FigureIndex => {
  const index = new Map<string, Map<string, Map<string, Decimal>>>();
  for (const figure of scenario.figures) {
    const periods = index.get(figure.service) ?? new Map<string, Map<string, Decimal>>();
    const metrics = periods.get(figure.period) ?? new Map<string, Decimal>();
    metrics.set(figure.metric, figure.value);
    periods.set(figure.period, metrics);
    index.set(figure.service, periods);
  }
  return index;
};

/**
 * The savings of every (service, period) that has at least one figure, in one range case, full precision.
 * Figures absent for a period count as 0 (spend, exposure, observed outcomes). The scenario must come from
 * `parseScenario` (references, grades and price indices checked).
 */
export const computeSavings = ({ scenario, rangeCase }: { scenario: Scenario; rangeCase: RangeCase }): ServicePeriodRow[] => {
  const { methodology } = scenario;
  const discount: DiscountParameters = { rate: methodology.discountRate, t0: methodology.discountConvention };
  const unitCosts = new Map<string, UnitCost>(scenario.unitCosts.map((unitCost) => [unitCost.code, unitCost]));
  const figures = indexFigures(scenario);
  const rows: ServicePeriodRow[] = [];
  for (const service of scenario.services) {
    const outcomes = service.outcomes.map((outcome) => ({
      code: outcome.code,
      resolved: resolveOutcome({ outcome, rangeCase, optimismBiasTable: methodology.optimismBias }),
      unitCost: resolveUnitCost({ ref: outcome.unitCost, unitCosts, baseYear: methodology.baseYear, priceIndex: methodology.priceIndex }),
    }));
    const periods = [...(figures.get(service.code)?.entries() ?? [])].sort(([left], [right]) => comparePeriods(left, right));
    for (const [period, metrics] of periods) {
      const results = outcomes.map(({ code, resolved, unitCost }) => ({
        code,
        result: computeOutcomePeriod({
          outcome: resolved,
          unitCost,
          discount,
          figures: {
            personMonths: metrics.get('person_months') ?? null,
            beneficiaries: metrics.get('beneficiaries') ?? null,
            monthsInPeriod: monthsInPeriod(period),
            observed: metrics.get(`observed.${code}`) ?? null,
          },
        }),
      }));
      const cell = computeServicePeriod({ outcomes: results.map(({ result }) => result), spend: metrics.get('spend') ?? ZERO, discount });
      rows.push({ service: service.code, period, cell, outcomes: results });
    }
  }
  return rows;
};

const hasTriple = (outcome: Outcome): boolean => {
  const params = [outcome.attribution, outcome.displacement, outcome.quantityPerEvent, outcome.dropOff];
  if (outcome.mode === 'counterfactual') params.push(outcome.rateWithout, outcome.rateWith, outcome.engagement);
  else params.push(outcome.deadweight);
  return params.some(isTriple);
};

/** True when any outcome parameter is a triple (the output then carries `ranges`). */
export const scenarioHasRanges = (scenario: Scenario): boolean => scenario.services.some((service) => service.outcomes.some(hasTriple));

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

/**
 * Computes a whole `levier-scenario/1` case (vectors README): totals, services, periods, outcomes (summed over periods),
 * low / high ranges when any parameter is a triple, and the reallocation indicators. Pure: no clock, no I/O.
 */
export const computeScenario = (scenario: Scenario): ScenarioOutput => {
  const rows = computeSavings({ scenario, rangeCase: 'central' });
  const periodCodes = [...new Set(rows.map((row) => row.period))].sort(comparePeriods);
  const unitCosts = new Map<string, UnitCost>(scenario.unitCosts.map((unitCost) => [unitCost.code, unitCost]));
  const { methodology } = scenario;

  const rowsByService = groupBy(rows, (row) => row.service);
  const rowsByPeriod = groupBy(rows, (row) => row.period);

  const outcomes: Record<string, OutcomeOutput> = {};
  for (const service of scenario.services) {
    const serviceRows = rowsByService.get(service.code) ?? [];
    for (const outcome of service.outcomes) {
      const unitCost = resolveUnitCost({ ref: outcome.unitCost, unitCosts, baseYear: methodology.baseYear, priceIndex: methodology.priceIndex }).amount;
      const start: OutcomeSums = { eventsGross: ZERO, eventsNet: ZERO, unitsAvoided: ZERO, unitCost, valueGross: ZERO, valueYear0: ZERO, presentValue: ZERO };
      const results = serviceRows.flatMap((row) => row.outcomes.filter((item) => item.code === outcome.code).map((item) => item.result));
      outcomes[`${service.code}/${outcome.code}`] = formatOutcome(results.reduce(sumOutcome, start));
    }
  }

  const totalsOf = (selected: readonly ServicePeriodRow[]) => formatAggregate(aggregate(selected.map((row) => row.cell)));
  const ranges = scenarioHasRanges(scenario)
    ? { low: totalsOf(computeSavings({ scenario, rangeCase: 'low' })), high: totalsOf(computeSavings({ scenario, rangeCase: 'high' })) }
    : undefined;

  return {
    totals: totalsOf(rows),
    services: Object.fromEntries(scenario.services.map((service) => [service.code, totalsOf(rowsByService.get(service.code) ?? [])])),
    periods: Object.fromEntries(periodCodes.map((period) => [period, totalsOf(rowsByPeriod.get(period) ?? [])])),
    outcomes,
    ...(ranges === undefined ? {} : { ranges }),
    ...(scenario.reallocation === null ? {} : { reallocation: formatReallocation(computeReallocation(scenario.reallocation)) }),
  };
};
