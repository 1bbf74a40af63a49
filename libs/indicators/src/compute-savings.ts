import { assertNever } from './assert-never';
import { Decimal, ZERO } from './money/decimal';
import { comparePeriods, monthsInPeriod } from './periods/calendar';
import { parsePeriod } from './periods/period';
import { CaseOf, everyParameterAt, outcomeParameterName, unitCostParameterName } from './scenario/parameters';
import { RangeCase, Scenario, UnitCost } from './scenario/scenario.types';
import { computeOutcomePeriod } from './savings/outcome-period';
import { computeOutcomePeriodConventions2 } from './savings/outcome-period-conventions-2';
import { resolveOutcome, resolveUnitCost } from './savings/resolve-outcome';
import { DiscountParameters, OutcomePeriodFigures, OutcomePeriodResult, SavingsCell } from './savings/savings.types';
import { computeServicePeriod } from './savings/service-period';
import { computeServicePeriodConventions2 } from './savings/service-period-conventions-2';
import { constantEurosSpend } from './savings/spend-in-constant-euros';

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

const outcomeFigures = ({ metrics, period, code }: { metrics: ReadonlyMap<string, Decimal>; period: string; code: string }): OutcomePeriodFigures => ({
  personMonths: metrics.get('person_months') ?? null,
  beneficiaries: metrics.get('beneficiaries') ?? null,
  monthsInPeriod: monthsInPeriod(period),
  observed: metrics.get(`observed.${code}`) ?? null,
});

const yearOf = (period: string): number => {
  const parsed = parsePeriod(period);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.period.year;
};

interface Run {
  readonly scenario: Scenario;
  readonly caseOf: CaseOf;
  readonly discount: DiscountParameters;
  readonly unitCosts: ReadonlyMap<string, UnitCost>;
  readonly figures: FigureIndex;
}

const periodsOf = ({ figures, service }: { figures: FigureIndex; service: string }): [string, ReadonlyMap<string, Decimal>][] =>
  [...(figures.get(service)?.entries() ?? [])].sort(([left], [right]) => comparePeriods(left, right));

/** Conventions 1: the rules under which figures were published (vectors README § The computation), unchanged. */
const savingsConventions1 = ({ scenario, caseOf, discount, unitCosts, figures }: Run): ServicePeriodRow[] => {
  const { methodology } = scenario;
  const rows: ServicePeriodRow[] = [];
  for (const service of scenario.services) {
    const outcomes = service.outcomes.map((outcome) => ({
      code: outcome.code,
      resolved: resolveOutcome({
        outcome,
        rangeCase: 'central',
        optimismBiasTable: methodology.optimismBias,
        caseOfKey: (key) => caseOf(outcomeParameterName({ service: service.code, outcome: outcome.code, key })),
      }),
      unitCost: resolveUnitCost({ ref: outcome.unitCost, unitCosts, baseYear: methodology.baseYear, priceIndex: methodology.priceIndex }),
    }));
    for (const [period, metrics] of periodsOf({ figures, service: service.code })) {
      const results = outcomes.map(({ code, resolved, unitCost }) => ({
        code,
        result: computeOutcomePeriod({ outcome: resolved, unitCost, discount, figures: outcomeFigures({ metrics, period, code }) }),
      }));
      const cell = computeServicePeriod({ outcomes: results.map(({ result }) => result), spend: metrics.get('spend') ?? ZERO, discount });
      rows.push({ service: service.code, period, cell, outcomes: results });
    }
  }
  return rows;
};

/**
 * Conventions 2 (vectors README § Conventions 2): substitution costs and signed payer parts (2.3), harms not shrunk (2.2),
 * spend in constant euros (2.4), cost by funder (2.5), events by outcome code (2.6), unit-cost amount triples (2.8).
 */
const savingsConventions2 = ({ scenario, caseOf, discount, unitCosts, figures }: Run): ServicePeriodRow[] => {
  const { methodology } = scenario;
  const caseOfCode = (code: string): RangeCase => caseOf(unitCostParameterName(code));
  const resolve = (ref: Parameters<typeof resolveUnitCost>[0]['ref']) =>
    resolveUnitCost({ ref, unitCosts, baseYear: methodology.baseYear, priceIndex: methodology.priceIndex, caseOfCode });
  const rows: ServicePeriodRow[] = [];
  for (const service of scenario.services) {
    const outcomes = service.outcomes.map((outcome) => ({
      code: outcome.code,
      resolved: resolveOutcome({
        outcome,
        rangeCase: 'central',
        optimismBiasTable: methodology.optimismBias,
        caseOfKey: (key) => caseOf(outcomeParameterName({ service: service.code, outcome: outcome.code, key })),
      }),
      unitCost: resolve(outcome.unitCost),
      substitution: outcome.substitutionCost === null ? null : resolve(outcome.substitutionCost),
    }));
    for (const [period, metrics] of periodsOf({ figures, service: service.code })) {
      const results = outcomes.map(({ code, resolved, unitCost, substitution }) => ({
        code,
        result: computeOutcomePeriodConventions2({ outcome: resolved, unitCost, substitution, discount, figures: outcomeFigures({ metrics, period, code }) }),
      }));
      const spend = constantEurosSpend({
        spend: metrics.get('spend') ?? ZERO,
        year: yearOf(period),
        baseYear: methodology.baseYear,
        priceIndex: methodology.priceIndex,
      });
      const cell = computeServicePeriodConventions2({ outcomes: results, spend, funding: service.funding, discount });
      rows.push({ service: service.code, period, cell, outcomes: results });
    }
  }
  return rows;
};

/**
 * The savings of every (service, period) that has at least one figure, in one range case, full precision.
 * Figures absent for a period count as 0 (spend, exposure, observed outcomes). The scenario must come from
 * `parseScenario` (references, grades and price indices checked). `caseOf` (optional) picks the case of each triple by
 * parameter name, overriding `rangeCase` (sensitivity: `onlyParameterAt`).
 */
export const computeSavings = ({ scenario, rangeCase, caseOf }: { scenario: Scenario; rangeCase: RangeCase; caseOf?: CaseOf }): ServicePeriodRow[] => {
  const { methodology } = scenario;
  const run: Run = {
    scenario,
    caseOf: caseOf ?? everyParameterAt(rangeCase),
    discount: { rate: methodology.discountRate, t0: methodology.discountConvention },
    unitCosts: new Map<string, UnitCost>(scenario.unitCosts.map((unitCost) => [unitCost.code, unitCost])),
    figures: indexFigures(scenario),
  };
  switch (methodology.conventions) {
    case 1:
      return savingsConventions1(run);
    case 2:
      return savingsConventions2(run);
    default:
      return assertNever(methodology.conventions, 'conventions');
  }
};
