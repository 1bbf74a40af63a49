import {
  computeOutcomePeriod,
  costPresentValue,
  Decimal,
  DiscountParameters,
  ONE,
  outcomeCell,
  PAYERS,
  RangeCase,
  resolveOutcome,
  resolveUnitCost,
  SavingsCell,
  Scenario,
  sumCells,
  UnitCost,
} from '@levier/indicators';

/** Order of the range cases in the read model's scenario-indexed columns (1-based in SQL: central = 1, low = 2, high = 3). */
export const SCENARIO_ORDER: readonly RangeCase[] = ['central', 'low', 'high'];

/**
 * Order of the payers in the read model's `by_payer` vectors (7 per scenario, NULL = the payer has no share). Stored
 * data depends on it: a new payer goes at the end, with a migration.
 */
export const PAYER_ORDER = ['ASSURANCE_MALADIE', 'DEPARTEMENT', 'COMMUNE_CCAS', 'ETAT', 'CAF', 'USAGER', 'AUTRE'] as const;

/** One driver of a service's savings: its exposure in person-months, or the count of one observed outcome. */
export type Driver = { kind: 'person_months' } | { kind: 'observed'; outcome: string };

/** The engine's result for one unit of a driver, in each range case. */
export interface DriverResponse {
  driver: Driver;
  cells: Record<RangeCase, SavingsCell>;
}

export interface ServiceResponses {
  service: string;
  /** person_months first (when the service has counterfactual outcomes), then each observed outcome. */
  drivers: DriverResponse[];
  /** Payers with a share in any outcome of the service (the keys of its `byPayer`, whatever the figures). */
  payers: readonly (typeof PAYER_ORDER)[number][];
  /** Length of the service's value stream (its longest outcome duration). */
  streamLength: number;
}

export interface UnitResponses {
  services: ServiceResponses[];
  /** cost = spend × costFactor, costFactor = 1 / (1 + r)^t0. */
  costFactor: Decimal;
}

/**
 * The savings engine is linear in the figures for fixed assumptions (vectors README § The computation): every result
 * of a (service, period) is Σ driver × the result for one unit of that driver. This runs the engine once per service,
 * driver and range case: one person-month of exposure through every counterfactual outcome (summed), one observed
 * event through each observed outcome, so that the read model is Σ figures × responses, computed set-based.
 */
export const unitResponses = (scenario: Scenario): UnitResponses => {
  const { methodology } = scenario;
  const discount: DiscountParameters = { rate: methodology.discountRate, t0: methodology.discountConvention };
  const unitCosts = new Map<string, UnitCost>(scenario.unitCosts.map((unitCost) => [unitCost.code, unitCost]));
  const figures = (driver: Driver) => ({
    personMonths: driver.kind === 'person_months' ? ONE : null,
    beneficiaries: null,
    monthsInPeriod: 1,
    observed: driver.kind === 'observed' ? ONE : null,
  });
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
      const cellOf = (rangeCase: RangeCase): SavingsCell => {
        const cell = sumCells(
          outcomes.map((outcome) =>
            outcomeCell(
              computeOutcomePeriod({
                outcome: resolveOutcome({ outcome, rangeCase, optimismBiasTable: methodology.optimismBias }),
                unitCost: resolveUnitCost({ ref: outcome.unitCost, unitCosts, baseYear: methodology.baseYear, priceIndex: methodology.priceIndex }),
                figures: figures(driver),
                discount,
              }),
            ),
          ),
        );
        for (const payer of Object.keys(cell.byPayer)) payers.add(payer);
        streamLength = Math.max(streamLength, cell.valueStream.length);
        return cell;
      };
      return { driver, cells: { central: cellOf('central'), low: cellOf('low'), high: cellOf('high') } };
    });
    const unknown = [...payers].filter((p) => !(PAYER_ORDER as readonly string[]).includes(p));
    if (unknown.length > 0) throw new Error(`payeur inconnu du modèle de lecture : ${unknown.join(', ')}`);
    return { service: service.code, drivers: responses, payers: PAYER_ORDER.filter((p) => payers.has(p)), streamLength };
  });
  // the engine's payer list and the stored order must agree
  if (PAYERS.some((p) => !(PAYER_ORDER as readonly string[]).includes(p))) throw new Error('PAYER_ORDER ne couvre pas tous les payeurs du moteur');
  return { services, costFactor: costPresentValue({ spend: ONE, rate: discount.rate, t0: discount.t0 }) };
};
