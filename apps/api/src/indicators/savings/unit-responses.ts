import {
  ALL_PAYERS,
  computeOutcomePeriod,
  computeOutcomePeriodConventions2,
  computeServicePeriodConventions2,
  Conventions,
  costPresentValue,
  Decimal,
  DEFAULT_FUNDING,
  DiscountParameters,
  ONE,
  Outcome,
  outcomeCell,
  RangeCase,
  resolveOutcome,
  resolveUnitCost,
  SavingsCell,
  Scenario,
  sumCells,
  UnitCost,
  ZERO,
} from '@levier/indicators';

/** Order of the range cases in the read model's scenario-indexed columns (1-based in SQL: central = 1, low = 2, high = 3). */
export const SCENARIO_ORDER: readonly RangeCase[] = ['central', 'low', 'high'];

/**
 * Order of the payers in the read model's `by_payer` and `cost_by_payer` vectors (10 per scenario, NULL = the payer has
 * no share): the engine's output order, conventions-1 payers first. Stored data depends on it: a new payer goes at the
 * end, with a migration (1795695000000-ReadModelConventions2 added the last three).
 */
export const PAYER_ORDER = ALL_PAYERS;
export type StoredPayer = (typeof PAYER_ORDER)[number];

/** One driver of a service's savings: its exposure in person-months, or the count of one observed outcome. */
export type Driver = { kind: 'person_months' } | { kind: 'observed'; outcome: string };

/** The engine's result for one unit of a driver, in each range case. */
export interface DriverResponse {
  driver: Driver;
  /** Result for one unit (+1) of the driver. */
  cells: Record<RangeCase, SavingsCell>;
  /**
   * Conventions 2, observed drivers only: coefficients that give the result of a negative count d as d × coefficient
   * (the result for −1, negated). A harm is not shrunk by the optimism bias (README 2.2), so the engine is linear on
   * each side of 0, not across it. Absent where the driver is linear (exposure, conventions 1).
   */
  negativeCells?: Record<RangeCase, SavingsCell>;
}

export interface ServiceResponses {
  service: string;
  /** person_months first (when the service has counterfactual outcomes), then each observed outcome. */
  drivers: DriverResponse[];
  /** Payers with a share in any outcome of the service (the keys of its `byPayer`, whatever the figures). */
  payers: readonly StoredPayer[];
  /** The service's outcome codes (conventions 2: the keys of its events by kind). */
  outcomes: readonly string[];
  /** Length of the service's value stream (its longest outcome duration). */
  streamLength: number;
}

export interface UnitResponses {
  conventions: Conventions;
  services: ServiceResponses[];
  /** cost = spend × costFactor × spendFactor(year), costFactor = 1 / (1 + r)^t0. */
  costFactor: Decimal;
  /** Every outcome code of the organisation, sorted (conventions 2: the read model's events-by-kind slots). */
  outcomeCodes: readonly string[];
}

const negate = (cell: SavingsCell): SavingsCell => ({
  eventsNet: cell.eventsNet.negated(),
  grossSavings: cell.grossSavings.negated(),
  cost: cell.cost.negated(),
  spend: cell.spend.negated(),
  valueStream: cell.valueStream.map((v) => v.negated()),
  byPayer: Object.fromEntries(Object.entries(cell.byPayer).map(([p, v]) => [p, (v as Decimal).negated()])),
  cashable: cell.cashable.negated(),
  nonCashable: cell.nonCashable.negated(),
  ...(cell.eventsByOutcome ? { eventsByOutcome: Object.fromEntries(Object.entries(cell.eventsByOutcome).map(([k, v]) => [k, v.negated()])) } : {}),
});

/**
 * The savings engine is linear in the figures for fixed assumptions (vectors README § The computation), and under
 * conventions 2 linear on each side of 0 for an observed count: every result of a (service, period) is Σ driver × the
 * result for one unit of that driver (its negative-side response for a negative count). This runs the engine once per
 * service, driver and range case: one person-month of exposure through every counterfactual outcome (summed), one
 * observed event (and, under conventions 2, minus one) through each observed outcome, so that the read model is
 * Σ figures × responses, computed set-based. Spend and its funding split are linear and need no engine run.
 */
export const unitResponses = (scenario: Scenario): UnitResponses => {
  const { methodology } = scenario;
  const conventions = methodology.conventions;
  const discount: DiscountParameters = { rate: methodology.discountRate, t0: methodology.discountConvention };
  const unitCosts = new Map<string, UnitCost>(scenario.unitCosts.map((unitCost) => [unitCost.code, unitCost]));
  const figures = (driver: Driver, units: Decimal) => ({
    personMonths: driver.kind === 'person_months' ? units : null,
    beneficiaries: null,
    monthsInPeriod: 1,
    observed: driver.kind === 'observed' ? units : null,
  });
  const resolve = (ref: Outcome['unitCost'], rangeCase: RangeCase) =>
    resolveUnitCost({
      ref,
      unitCosts,
      baseYear: methodology.baseYear,
      priceIndex: methodology.priceIndex,
      // ranges also move unit-cost triples under conventions 2 (README 2.8); conventions 1 has none
      ...(conventions === 2 ? { caseOfCode: () => rangeCase } : {}),
    });
  /** The engine's cell for `units` of a driver through some outcomes of one service, in one range case. */
  const cellOf = (outcomes: readonly Outcome[], driver: Driver, units: Decimal, rangeCase: RangeCase): SavingsCell => {
    const resolved = (outcome: Outcome) => resolveOutcome({ outcome, rangeCase, optimismBiasTable: methodology.optimismBias });
    if (conventions === 1) {
      return sumCells(
        outcomes.map((outcome) =>
          outcomeCell(
            computeOutcomePeriod({ outcome: resolved(outcome), unitCost: resolve(outcome.unitCost, rangeCase), figures: figures(driver, units), discount }),
          ),
        ),
      );
    }
    return computeServicePeriodConventions2({
      outcomes: outcomes.map((outcome) => ({
        code: outcome.code,
        result: computeOutcomePeriodConventions2({
          outcome: resolved(outcome),
          unitCost: resolve(outcome.unitCost, rangeCase),
          substitution: outcome.substitutionCost === null ? null : resolve(outcome.substitutionCost, rangeCase),
          figures: figures(driver, units),
          discount,
        }),
      })),
      spend: ZERO,
      funding: DEFAULT_FUNDING,
      discount,
    });
  };
  const services = scenario.services.map((service): ServiceResponses => {
    const drivers: Driver[] = [
      ...(service.outcomes.some((o) => o.mode === 'counterfactual') ? [{ kind: 'person_months' } as const] : []),
      ...service.outcomes.filter((o) => o.mode === 'observed').map((o) => ({ kind: 'observed', outcome: o.code }) as const),
    ];
    const payers = new Set<string>();
    let streamLength = 0;
    const responses = drivers.map((driver): DriverResponse => {
      const outcomes = service.outcomes.filter((o) =>
        driver.kind === 'observed' ? o.mode === 'observed' && o.code === driver.outcome : o.mode === 'counterfactual',
      );
      const side = (units: Decimal): Record<RangeCase, SavingsCell> => {
        const byCase = Object.fromEntries(SCENARIO_ORDER.map((rangeCase) => [rangeCase, cellOf(outcomes, driver, units, rangeCase)])) as Record<
          RangeCase,
          SavingsCell
        >;
        for (const cell of Object.values(byCase)) {
          for (const payer of Object.keys(cell.byPayer)) payers.add(payer);
          streamLength = Math.max(streamLength, cell.valueStream.length);
        }
        return byCase;
      };
      const cells = side(ONE);
      if (conventions === 1 || driver.kind === 'person_months') return { driver, cells };
      const minusOne = side(ONE.negated());
      return { driver, cells, negativeCells: { central: negate(minusOne.central), low: negate(minusOne.low), high: negate(minusOne.high) } };
    });
    const unknown = [...payers].filter((p) => !(PAYER_ORDER as readonly string[]).includes(p));
    if (unknown.length > 0) throw new Error(`payeur inconnu du modèle de lecture : ${unknown.join(', ')}`);
    return {
      service: service.code,
      drivers: responses,
      payers: PAYER_ORDER.filter((p) => payers.has(p)),
      outcomes: service.outcomes.map((o) => o.code),
      streamLength,
    };
  });
  return {
    conventions,
    services,
    costFactor: costPresentValue({ spend: ONE, rate: discount.rate, t0: discount.t0 }),
    outcomeCodes: conventions === 1 ? [] : [...new Set(services.flatMap((s) => s.outcomes))].sort(),
  };
};
