import { addCells, computeSavings, Decimal, parseScenario, RangeCase, SavingsCell } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { allLeaves } from '../../apps/api/src/catalogue/org-tree';
import { IndicatorInputsRepository } from '../../apps/api/src/indicators/savings/indicator-inputs.repository';
import { ServiceFundingRepository } from '../../apps/api/src/funding/service-funding.repository';
import { buildScenarioDocument } from '../../apps/api/src/indicators/savings/scenario-document';
import { sumFiguresOverUnits } from '../../apps/api/src/indicators/savings/sum-figures';

/** One cell of the read model as the per-leaf engine path computes it. */
export interface OracleCell {
  orgUnitId: string;
  serviceId: string | null;
  period: string;
  scenario: RangeCase;
  cell: SavingsCell;
  beneficiaries: Decimal | null;
}

const RANGE_CASES: readonly RangeCase[] = ['central', 'low', 'high'];

/**
 * Test oracle: the read model (current basis, all periods) as the engine defines it, one engine run per org unit over
 * the `levier-scenario/1` document of its leaves' figures summed (the figures of a non-leaf unit are ignored, as the
 * recompute does), in the three range cases; the all-services row of a unit is the sum of its services' cells. Under
 * conventions 1 this equals summing the leaves' results (the engine is linear); under conventions 2 a harm at one leaf
 * and a benefit at another are netted before the optimism bias, as they are for a service's scenario.
 */
export const computeReadModelWithEngine = async (em: EntityManager, organisationId: string): Promise<OracleCell[]> => {
  const repository = new IndicatorInputsRepository(new ServiceFundingRepository());
  const inputs = await repository.load(em, organisationId);
  const leaves = allLeaves(inputs.orgUnits);
  const leafIds = new Set(leaves.map((l) => l.id));
  const figures = await repository.figures(
    em,
    organisationId,
    leaves.map((l) => l.id),
    [],
  );
  const serviceIds = new Map(inputs.services.map((s) => [s.code, s.id]));
  // a service whose funding differs between years is written once per year (`SAAD_2023`): back to its own code
  const years = [...new Set(figures.map((f) => Number(f.period.slice(0, 4))))];
  const originalCode = new Map(inputs.services.flatMap((s) => [[s.code, s.code] as const, ...years.map((y) => [`${s.code}_${y}`, s.code] as const)]));
  const parent = new Map(inputs.orgUnits.map((u) => [u.id, u.parentId]));
  const leavesUnder = new Map<string, Set<string>>();
  for (const leaf of leaves) {
    for (let unit: string | null = leaf.id; unit !== null; unit = parent.get(unit) ?? null) {
      leavesUnder.set(unit, (leavesUnder.get(unit) ?? new Set()).add(leaf.code));
    }
  }
  const cells: OracleCell[] = [];
  for (const [unitId, codes] of leavesUnder) {
    const own = figures.filter((f) => codes.has(f.orgUnit));
    if (own.length === 0) continue;
    const document = buildScenarioDocument({
      ...inputs,
      methodology: inputs.methodology.parameters,
      name: unitId,
      description: '',
      figures: sumFiguresOverUnits(own),
    });
    const parsed = parseScenario(document);
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path} : ${e.message}`).join(' ; '));
    const beneficiaries = new Map<string, Decimal>();
    for (const f of own.filter((f) => f.metric === 'beneficiaries')) {
      const key = `${f.service}|${f.period}`;
      beneficiaries.set(key, (beneficiaries.get(key) ?? new Decimal(0)).plus(f.value));
    }
    for (const scenario of RANGE_CASES) {
      const all = new Map<string, OracleCell>();
      for (const row of computeSavings({ scenario: parsed.scenario, rangeCase: scenario })) {
        const service = originalCode.get(row.service) ?? row.service;
        const ben = beneficiaries.get(`${service}|${row.period}`) ?? null;
        cells.push({ orgUnitId: unitId, serviceId: serviceIds.get(service)!, period: row.period, scenario, cell: row.cell, beneficiaries: ben });
        const total = all.get(row.period);
        all.set(
          row.period,
          total
            ? {
                ...total,
                cell: addCells(total.cell, row.cell),
                beneficiaries: total.beneficiaries === null ? ben : ben === null ? total.beneficiaries : total.beneficiaries.plus(ben),
              }
            : { orgUnitId: unitId, serviceId: null, period: row.period, scenario, cell: row.cell, beneficiaries: ben },
        );
      }
      cells.push(...all.values());
    }
  }
  // a unit counts only once it has leaves with figures; leaves themselves are in `leavesUnder` too
  return cells.filter((c) => leafIds.has(c.orgUnitId) || leavesUnder.has(c.orgUnitId));
};
