import { addCells, computeSavings, Decimal, parseScenario, RangeCase, SavingsCell } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { allLeaves } from '../../apps/api/src/catalogue/org-tree';
import { IndicatorInputsRepository } from '../../apps/api/src/indicators/indicator-inputs.repository';
import { buildScenarioDocument } from '../../apps/api/src/indicators/scenario-document';
import { sumFiguresOverUnits, UnitFigure } from '../../apps/api/src/indicators/sum-figures';

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

/** The previous recompute's rollups: each leaf cell counts for its unit and every ancestor, per service and for all services. */
const withRollups = (leafCells: readonly OracleCell[], units: readonly { id: string; parentId: string | null }[]): OracleCell[] => {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const rollups = new Map<string, OracleCell>();
  const add = (leaf: OracleCell, orgUnitId: string, serviceId: string | null): void => {
    const key = `${orgUnitId}|${serviceId}|${leaf.period}|${leaf.scenario}`;
    const existing = rollups.get(key);
    rollups.set(
      key,
      existing
        ? {
            ...existing,
            cell: addCells(existing.cell, leaf.cell),
            beneficiaries:
              existing.beneficiaries === null
                ? leaf.beneficiaries
                : leaf.beneficiaries === null
                  ? existing.beneficiaries
                  : existing.beneficiaries.plus(leaf.beneficiaries),
          }
        : { ...leaf, orgUnitId, serviceId },
    );
  };
  for (const leaf of leafCells) {
    add(leaf, leaf.orgUnitId, null);
    for (let unit = parent.get(leaf.orgUnitId) ?? null; unit !== null; unit = parent.get(unit) ?? null) {
      add(leaf, unit, leaf.serviceId);
      add(leaf, unit, null);
    }
  }
  return [...leafCells, ...rollups.values()];
};

/**
 * Test oracle: the read model (current basis, all periods) as the previous recompute computed it, one engine run
 * per leaf over its `levier-scenario/1` document in the three range cases, then rollups with the engine's `addCells`.
 */
export const computeReadModelWithEngine = async (em: EntityManager, organisationId: string): Promise<OracleCell[]> => {
  const repository = new IndicatorInputsRepository();
  const inputs = await repository.load(em, organisationId);
  const leaves = allLeaves(inputs.orgUnits);
  const figures = await repository.figures(
    em,
    organisationId,
    leaves.map((l) => l.id),
    [],
  );
  const serviceIds = new Map(inputs.services.map((s) => [s.code, s.id]));
  const byLeaf = new Map<string, UnitFigure[]>();
  for (const f of figures) byLeaf.set(f.orgUnit, [...(byLeaf.get(f.orgUnit) ?? []), f]);
  const cells: OracleCell[] = [];
  for (const leaf of leaves) {
    const own = byLeaf.get(leaf.code) ?? [];
    if (own.length === 0) continue;
    const document = buildScenarioDocument({
      ...inputs,
      methodology: inputs.methodology.parameters,
      name: leaf.code,
      description: '',
      figures: sumFiguresOverUnits(own),
    });
    const parsed = parseScenario(document);
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path} : ${e.message}`).join(' ; '));
    const beneficiaries = new Map(own.filter((f) => f.metric === 'beneficiaries').map((f) => [`${f.service}|${f.period}`, f.value]));
    for (const scenario of RANGE_CASES) {
      for (const row of computeSavings({ scenario: parsed.scenario, rangeCase: scenario })) {
        cells.push({
          orgUnitId: leaf.id,
          serviceId: serviceIds.get(row.service)!,
          period: row.period,
          scenario,
          cell: row.cell,
          beneficiaries: beneficiaries.get(`${row.service}|${row.period}`) ?? null,
        });
      }
    }
  }
  return withRollups(cells, inputs.orgUnits);
};
