import { Injectable, Logger } from '@nestjs/common';
import { computeSavings, parseScenario, RangeCase } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../platform/database/tenant-db';
import { allLeaves } from '../catalogue/org-tree';
import { IndicatorInputsRepository, OrganisationInputs } from './indicator-inputs.repository';
import { buildScenarioDocument } from './scenario-document';
import { sumFiguresOverUnits, UnitFigure } from './sum-figures';
import { periodBounds } from './period-bounds';

const RANGE_CASES: readonly RangeCase[] = ['central', 'low', 'high'];

export class RecomputeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Calcul impossible : ${problems.join(' ; ')}`);
    this.name = 'RecomputeError';
  }
}

interface ValueRow {
  orgUnitId: string;
  serviceId: string;
  period: string;
  scenario: RangeCase;
  eventsNet: string;
  grossSavings: string;
  cost: string;
  spend: string;
  cashable: string;
  nonCashable: string;
  byPayer: string;
  stream: string;
  beneficiaries: string | null;
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
      const rows = this.computeRows(inputs, leaves, figures);
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

  private computeRows(inputs: OrganisationInputs, leaves: readonly { id: string; code: string }[], figures: readonly UnitFigure[]): ValueRow[] {
    const serviceIds = new Map(inputs.services.map((s) => [s.code, s.id]));
    const rows: ValueRow[] = [];
    for (const leaf of leaves) {
      const own = figures.filter((f) => f.orgUnit === leaf.code);
      if (own.length === 0) continue;
      const document = buildScenarioDocument({
        ...inputs,
        methodology: inputs.methodology.parameters,
        name: leaf.code,
        description: '',
        figures: sumFiguresOverUnits(own),
      });
      const parsed = parseScenario(document);
      if (!parsed.ok) throw new RecomputeError(parsed.errors.map((e) => `${e.path} : ${e.message}`));
      const beneficiaries = new Map(own.filter((f) => f.metric === 'beneficiaries').map((f) => [`${f.service}|${f.period}`, f.value.toFixed()]));
      for (const scenario of RANGE_CASES) {
        for (const row of computeSavings({ scenario: parsed.scenario, rangeCase: scenario })) {
          const { cell } = row;
          rows.push({
            orgUnitId: leaf.id,
            serviceId: serviceIds.get(row.service)!,
            period: row.period,
            scenario,
            eventsNet: cell.eventsNet.toFixed(),
            grossSavings: cell.grossSavings.toFixed(),
            cost: cell.cost.toFixed(),
            spend: cell.spend.toFixed(),
            cashable: cell.cashable.toFixed(),
            nonCashable: cell.nonCashable.toFixed(),
            byPayer: JSON.stringify(Object.fromEntries(Object.entries(cell.byPayer).map(([payer, amount]) => [payer, amount!.toFixed()]))),
            stream: JSON.stringify(cell.valueStream.map((v) => v.toFixed())),
            beneficiaries: beneficiaries.get(`${row.service}|${row.period}`) ?? null,
          });
        }
      }
    }
    return rows;
  }

  private async insert(
    em: EntityManager,
    organisationId: string,
    rows: readonly ValueRow[],
    methodologyVersionId: string | null,
    now: Date,
    dataAsOf: Date,
  ): Promise<void> {
    const CHUNK = 5000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const col = <K extends keyof ValueRow>(key: K) => chunk.map((r) => r[key]);
      const bounds = chunk.map((r) => periodBounds(r.period));
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
          col('orgUnitId'),
          col('serviceId'),
          col('period'),
          bounds.map((b) => b.start),
          bounds.map((b) => b.end),
          col('scenario'),
          col('eventsNet'),
          col('grossSavings'),
          col('cost'),
          col('spend'),
          col('cashable'),
          col('nonCashable'),
          col('byPayer'),
          col('stream'),
          col('beneficiaries'),
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
