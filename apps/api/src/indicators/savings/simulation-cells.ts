import { d, Decimal, parseScenario, SavingsCell, scenarioHasRanges, SimulationCells, spendConversionFactor } from '@levier/indicators';
import type { CellRow } from './indicator-read.repository';
import type { ScenarioDocument } from './scenario-document';

/** The lever simulator's basis of a scope (see `IndicatorsService.simulationCells`). */
export interface SimulationScopeCells {
  cells: SimulationCells;
  orgUnit: { id: string; code: string; name: string };
  orgUnitIds: readonly string[];
  from: string | null;
  to: string | null;
}

/**
 * The simulator's basis from the read model's rows of a scope: cells by service code and range case (low and high only
 * when the method has ranges, as `simulate` gives them), and each service-period's spend in euros of its year: the
 * stored spend is the figures' Σ × the year's constant-euro factor under conventions 2 (exact `numeric` product, see
 * `RecomputeService`), so dividing by the same factor gives the Σ back exactly.
 */
export const simulationCellsOf = ({
  method,
  services,
  rows,
  spend,
  scope,
}: {
  /** The scope's scenario document without figures: the method, its services. */
  method: ScenarioDocument;
  services: readonly { id: string; code: string }[];
  rows: readonly CellRow[];
  spend: readonly { serviceId: string; period: string; spend: string }[];
  scope: Omit<SimulationScopeCells, 'cells'>;
}): SimulationScopeCells => {
  const parsed = parseScenario(method);
  // the read model was computed under the same method: a method the engine refuses is a server-side fault
  if (!parsed.ok) throw new Error(`Méthode du périmètre refusée par le moteur : ${parsed.errors.map((e) => `${e.path} : ${e.message}`).join(' ; ')}`);
  const { methodology } = parsed.scenario;
  const codeOf = new Map(services.map((s) => [s.id, s.code]));
  const byCase: Record<CellRow['scenario'], Record<string, SavingsCell>> = { central: {}, low: {}, high: {} };
  for (const row of rows) {
    const code = codeOf.get(row.key);
    if (code !== undefined) byCase[row.scenario][code] = row.cell;
  }
  const factors = new Map<number, Decimal>();
  const factorOf = (year: number): Decimal => {
    if (methodology.conventions !== 2) return d(1);
    const factor = factors.get(year) ?? d(spendConversionFactor({ year, baseYear: methodology.baseYear, priceIndex: methodology.priceIndex }).toFixed());
    factors.set(year, factor);
    return factor;
  };
  return {
    ...scope,
    cells: {
      conventions: methodology.conventions,
      services: services.map((s) => s.code),
      spend: spend.flatMap((row) => {
        const service = codeOf.get(row.serviceId);
        const value = d(row.spend).dividedBy(factorOf(Number(row.period.slice(0, 4))));
        return service === undefined ? [] : [{ service, period: row.period, metric: 'spend', value }];
      }),
      cells: { central: byCase.central, ...(scenarioHasRanges(parsed.scenario) ? { low: byCase.low, high: byCase.high } : {}) },
    },
  };
};
