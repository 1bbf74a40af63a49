import { Injectable, Logger } from '@nestjs/common';
import { addCells, computeSavings, Decimal, parseScenario, RangeCase, SavingsCell } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../platform/database/tenant-db';
import { allLeaves } from '../catalogue/org-tree';
import { IndicatorInputsRepository, OrganisationInputs } from './indicator-inputs.repository';
import { buildScenarioDocument } from './scenario-document';
import { sumFiguresOverUnits, UnitFigure } from './sum-figures';
import { periodBounds } from './period-bounds';

const RANGE_CASES: readonly RangeCase[] = ['central', 'low', 'high'];

/** One cell of the read model before it is written: a unit (leaf or ancestor), a service (or all), a period, a range case. */
export interface CellKey {
  orgUnitId: string;
  serviceId: string | null;
  period: string;
  scenario: RangeCase;
}
export interface KeyedCell extends CellKey {
  cell: SavingsCell;
  beneficiaries: Decimal | null;
}

/**
 * Adds the rolled-up cells: each leaf cell counts for its unit and every ancestor, per service and for all services
 * together. Sums only (the engine's `addCells`): ratios are always recomputed from sums at read time.
 */
export const withRollups = (leafCells: readonly KeyedCell[], units: readonly { id: string; parentId: string | null }[]): KeyedCell[] => {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const rollups = new Map<string, KeyedCell>();
  const add = (leaf: KeyedCell, orgUnitId: string, serviceId: string | null): void => {
    const key = `${orgUnitId}|${serviceId}|${leaf.period}|${leaf.scenario}`;
    const existing = rollups.get(key);
    rollups.set(
      key,
      existing
        ? {
            ...existing,
            cell: addCells(existing.cell, leaf.cell),
            beneficiaries: existing.beneficiaries === null ? leaf.beneficiaries : leaf.beneficiaries === null ? existing.beneficiaries : existing.beneficiaries.plus(leaf.beneficiaries),
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

export class RecomputeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Calcul impossible : ${problems.join(' ; ')}`);
    this.name = 'RecomputeError';
  }
}


/**
 * Recomputes the savings read model of one organisation for some periods (all when none are given): one engine
 * run per leaf org unit over a `levier-scenario/1` document built from the stored data, in the three range
 * cases, written set-based in one transaction. Runs under an advisory lock per organisation, so two workers
 * never interleave their writes for the same tenant.
 */
@Injectable()
export class RecomputeService {
  private readonly logger = new Logger(RecomputeService.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly inputs: IndicatorInputsRepository,
  ) {}

  async recompute(organisationId: string, periods: readonly string[], now: Date = new Date()): Promise<{ rows: number }> {
    return this.tenantDb.run(organisationId, async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('recompute-' || $1))`, [organisationId]);
      const inputs = await this.inputs.load(em, organisationId);
      const leaves = allLeaves(inputs.orgUnits);
      const figures = await this.inputs.figures(
        em,
        organisationId,
        leaves.map((l) => l.id),
        periods,
      );
      const [{ as_of: dataAsOf }] = await em.query(`SELECT coalesce(max(updated_at), now()) AS as_of FROM figure WHERE organisation_id = $1`, [organisationId]);
      const rows = withRollups(this.computeCells(inputs, leaves, figures), inputs.orgUnits);
      await em.query(
        `DELETE FROM indicator_value WHERE organisation_id = $1 AND basis = 'current' AND (cardinality($2::text[]) = 0 OR period = ANY($2::text[]))`,
        [organisationId, periods],
      );
      await this.insert(em, organisationId, rows, inputs.methodology.id, now, dataAsOf as Date);
      await this.freezeApprovedPeriods(em, organisationId, periods);
      this.logger.log(`Indicateurs recalculés : ${rows.length} valeurs (${periods.length === 0 ? 'toutes périodes' : periods.join(', ')})`);
      return { rows: rows.length };
    });
  }

  private computeCells(inputs: OrganisationInputs, leaves: readonly { id: string; code: string }[], figures: readonly UnitFigure[]): KeyedCell[] {
    const serviceIds = new Map(inputs.services.map((s) => [s.code, s.id]));
    const byLeaf = new Map<string, UnitFigure[]>();
    for (const f of figures) {
      const list = byLeaf.get(f.orgUnit);
      if (list) list.push(f);
      else byLeaf.set(f.orgUnit, [f]);
    }
    const cells: KeyedCell[] = [];
    for (const leaf of leaves) {
      const own = byLeaf.get(leaf.code) ?? [];
      if (own.length === 0) continue;
      const document = buildScenarioDocument({ ...inputs, methodology: inputs.methodology.parameters, name: leaf.code, description: '', figures: sumFiguresOverUnits(own) });
      const parsed = parseScenario(document);
      if (!parsed.ok) throw new RecomputeError(parsed.errors.map((e) => `${e.path} : ${e.message}`));
      const beneficiaries = new Map(own.filter((f) => f.metric === 'beneficiaries').map((f) => [`${f.service}|${f.period}`, f.value]));
      for (const scenario of RANGE_CASES) {
        for (const row of computeSavings({ scenario: parsed.scenario, rangeCase: scenario })) {
          cells.push({ orgUnitId: leaf.id, serviceId: serviceIds.get(row.service)!, period: row.period, scenario, cell: row.cell, beneficiaries: beneficiaries.get(`${row.service}|${row.period}`) ?? null });
        }
      }
    }
    return cells;
  }

  private async insert(em: EntityManager, organisationId: string, rows: readonly KeyedCell[], methodologyVersionId: string | null, now: Date, dataAsOf: Date): Promise<void> {
    const CHUNK = 5000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const bounds = chunk.map((r) => periodBounds(r.period));
      const money = (pick: (c: SavingsCell) => Decimal) => chunk.map((r) => pick(r.cell).toFixed());
      await em.query(
        `INSERT INTO indicator_value (organisation_id, org_unit_id, service_id, period, period_start, period_end, scenario, basis, methodology_version_id,
                                      events_net, gross_savings, cost, spend, cashable, non_cashable, by_payer, stream, beneficiaries, computed_at, data_as_of)
         SELECT $1, u.org_unit_id, u.service_id, u.period, u.period_start, u.period_end, u.scenario, 'current', $2,
                u.events_net, u.gross_savings, u.cost, u.spend, u.cashable, u.non_cashable, u.by_payer, u.stream, u.beneficiaries, $3, $4
           FROM unnest($5::uuid[], $6::uuid[], $7::text[], $8::date[], $9::date[], $10::text[], $11::numeric[], $12::numeric[], $13::numeric[],
                       $14::numeric[], $15::numeric[], $16::numeric[], $17::jsonb[], $18::jsonb[], $19::numeric[])
             AS u(org_unit_id, service_id, period, period_start, period_end, scenario, events_net, gross_savings, cost, spend, cashable, non_cashable, by_payer, stream, beneficiaries)`,
        [
          organisationId,
          methodologyVersionId,
          now,
          dataAsOf,
          chunk.map((r) => r.orgUnitId),
          chunk.map((r) => r.serviceId),
          chunk.map((r) => r.period),
          bounds.map((b) => b.start),
          bounds.map((b) => b.end),
          chunk.map((r) => r.scenario),
          money((c) => c.eventsNet),
          money((c) => c.grossSavings),
          money((c) => c.cost),
          money((c) => c.spend),
          money((c) => c.cashable),
          money((c) => c.nonCashable),
          chunk.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r.cell.byPayer).map(([payer, amount]) => [payer, amount!.toFixed()])))),
          chunk.map((r) => JSON.stringify(r.cell.valueStream.map((v) => v.toFixed()))),
          chunk.map((r) => r.beneficiaries?.toFixed() ?? null),
        ],
      );
    }
  }

  /**
   * "As reported": an approved (org unit, period) keeps the values of the moment it was approved. Its reported rows
   * are written from the current ones when it has none yet, or when it was approved again since they were frozen.
   */
  private async freezeApprovedPeriods(em: EntityManager, organisationId: string, periods: readonly string[]): Promise<void> {
    const stale = `SELECT ps.org_unit_id, ps.period FROM period_status ps
                    WHERE ps.organisation_id = $1 AND ps.status = 'approved' AND (cardinality($2::text[]) = 0 OR ps.period = ANY($2::text[]))
                      AND NOT EXISTS (SELECT 1 FROM indicator_value r WHERE r.org_unit_id = ps.org_unit_id AND r.period = ps.period
                                         AND r.basis = 'reported' AND r.computed_at >= ps.updated_at)`;
    await em.query(`DELETE FROM indicator_value v USING (${stale}) s WHERE v.basis = 'reported' AND v.org_unit_id = s.org_unit_id AND v.period = s.period`, [
      organisationId,
      periods,
    ]);
    await em.query(
      `INSERT INTO indicator_value (organisation_id, org_unit_id, service_id, period, period_start, period_end, scenario, basis, methodology_version_id,
                                    events_net, gross_savings, cost, spend, cashable, non_cashable, by_payer, stream, beneficiaries, computed_at, data_as_of)
       SELECT v.organisation_id, v.org_unit_id, v.service_id, v.period, v.period_start, v.period_end, v.scenario, 'reported', v.methodology_version_id,
              v.events_net, v.gross_savings, v.cost, v.spend, v.cashable, v.non_cashable, v.by_payer, v.stream, v.beneficiaries, v.computed_at, v.data_as_of
         FROM indicator_value v
        WHERE v.organisation_id = $1 AND v.basis = 'current'
          AND (v.org_unit_id, v.period) IN (
                SELECT ps.org_unit_id, ps.period FROM period_status ps
                 WHERE ps.organisation_id = $1 AND ps.status = 'approved' AND (cardinality($2::text[]) = 0 OR ps.period = ANY($2::text[]))
                   AND NOT EXISTS (SELECT 1 FROM indicator_value r WHERE r.org_unit_id = ps.org_unit_id AND r.period = ps.period AND r.basis = 'reported'))`,
      [organisationId, periods],
    );
  }
}
