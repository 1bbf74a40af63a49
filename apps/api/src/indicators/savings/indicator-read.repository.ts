import { Injectable } from '@nestjs/common';
import { Decimal, Payer, SavingsCell } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import type { IndicatorBasis, IndicatorScenario } from './indicator-value';
import { PAYER_ORDER, SCENARIO_ORDER } from './unit-responses';

export interface ReadScope {
  organisationId: string;
  /** The unit of the scope (its rolled-up rows answer the current method). */
  orgUnitId: string;
  /** The leaves under it (their frozen rows answer "as reported"). */
  orgUnitIds: readonly string[];
  /** Inclusive calendar bounds `YYYY-MM-DD`: a stored period counts when it lies wholly inside. */
  start: string;
  end: string;
  serviceIds?: readonly string[];
  basis: IndicatorBasis;
}

export type SeriesGroup = 'period' | 'service' | 'payer';
export type Bucket = 'month' | 'quarter' | 'year';

export interface CellRow {
  scenario: IndicatorScenario;
  key: string;
  /** Conventions of the rows summed: 1 or 2, null when the group mixes both (its conventions-2 keys are then left out). */
  conventions: 1 | 2 | null;
  /** Under conventions 2, with `costByPayer` and `eventsByOutcome`. */
  cell: SavingsCell;
}

const BUCKET_SQL: Record<Bucket, string> = {
  month: `to_char(v.period_start, 'YYYY-MM')`,
  quarter: `to_char(v.period_start, 'YYYY') || '-Q' || to_char(v.period_start, 'Q')`,
  year: `to_char(v.period_start, 'YYYY')`,
};

/**
 * Set-based reads of the read model: additive columns summed in PostgreSQL, payer maps and undiscounted streams
 * summed element-wise, ratios left to the engine's `aggregate` (ratios of sums, never averages).
 * "As reported" (« tel que publié ») takes approved periods' frozen rows only: a period not approved has no published
 * figure and counts for nothing there (the dashboard names it « non approuvé »), never its current draft values.
 */
@Injectable()
export class IndicatorReadRepository {
  /**
   * The rows of a scope, one per range case. Current method: the unit's own rolled-up rows (written by the recompute
   * for every unit of the tree, per service and for all services together), so a read touches periods × scenarios rows
   * whatever the size of the tree. As reported: the leaves' frozen per-service rows of approved
   * periods, and nothing for the others. Each stored row holds the three range cases (SCENARIO_ORDER); `v` spreads them out with
   * the scenario's slice of the payer and stream vectors. A current row's times are its period's (`indicator_freshness`),
   * a frozen row keeps its own.
   */
  private rowsCte(scope: ReadScope, perService: boolean): { sql: string; params: unknown[] } {
    const params: unknown[] = [scope.organisationId, scope.orgUnitId, scope.orgUnitIds, scope.start, scope.end, scope.serviceIds ?? [], perService];
    const spread = `v AS (
        SELECT b.org_unit_id, b.service_id, b.period, b.period_start, b.period_end, b.basis, b.methodology_version_id, b.beneficiaries,
               coalesce(b.computed_at, f.computed_at) AS computed_at, coalesce(b.data_as_of, f.data_as_of) AS data_as_of,
               b.conventions, b.cost_by_payer, b.events_by_outcome, sc.i AS si, sc.scenario, b.events_net[sc.i] AS events_net, b.gross_savings[sc.i] AS gross_savings, b.cost, b.spend, b.cashable[sc.i] AS cashable,
               b.non_cashable[sc.i] AS non_cashable, b.by_payer[(sc.i - 1) * ${PAYER_ORDER.length} + 1 : sc.i * ${PAYER_ORDER.length}] AS by_payer,
               b.stream[(sc.i - 1) * (cardinality(b.stream) / 3) + 1 : sc.i * (cardinality(b.stream) / 3)] AS stream
          FROM b LEFT JOIN indicator_freshness f ON b.computed_at IS NULL AND f.organisation_id = b.organisation_id AND f.period = b.period
               CROSS JOIN (VALUES ${SCENARIO_ORDER.map((name, i) => `(${i + 1}, '${name}')`).join(', ')}) sc(i, scenario))`;
    if (scope.basis === 'current') {
      return {
        sql: `b AS (
          SELECT c.* FROM indicator_value c
           WHERE c.organisation_id = $1 AND c.basis = 'current' AND c.org_unit_id = $2 AND c.period_start >= $4::date AND c.period_end <= $5::date
             AND CASE WHEN cardinality($6::uuid[]) > 0 THEN c.service_id = ANY($6::uuid[]) WHEN $7 THEN c.service_id IS NOT NULL ELSE c.service_id IS NULL END
             AND cardinality($3::uuid[]) >= 0), ${spread}`,
        params,
      };
    }
    const filter = (
      t: string,
    ) => `${t}.organisation_id = $1 AND ${t}.org_unit_id = ANY($3::uuid[]) AND ${t}.period_start >= $4::date AND ${t}.period_end <= $5::date
                    AND ${t}.service_id IS NOT NULL AND (cardinality($6::uuid[]) = 0 OR ${t}.service_id = ANY($6::uuid[])) AND ($2::uuid IS NOT NULL OR $7)`;
    return {
      sql: `b AS (
        SELECT r.* FROM indicator_value r WHERE r.basis = 'reported' AND ${filter('r')}
      ), ${spread}`,
      params,
    };
  }

  /** Each service-period's stored spend in the scope's unit, current method (constant euros under conventions 2). */
  serviceSpend(em: EntityManager, scope: ReadScope): Promise<{ serviceId: string; period: string; spend: string }[]> {
    return em.query(
      `SELECT service_id::text AS "serviceId", period, spend::text AS spend FROM indicator_value
        WHERE organisation_id = $1 AND basis = 'current' AND org_unit_id = $2 AND service_id IS NOT NULL
          AND period_start >= $3::date AND period_end <= $4::date`,
      [scope.organisationId, scope.orgUnitId, scope.start, scope.end],
    );
  }

  /**
   * Sums per scenario and group key (`*` when not grouped), in one round trip: additive columns, payer maps, streams and
   * (conventions 2) costs by payer and events by kind come back as tagged rows of decimal strings (never through JSON
   * numbers, which would lose digits).
   */
  async cells(em: EntityManager, scope: ReadScope, group: { by: 'none' } | { by: 'period'; bucket: Bucket } | { by: 'service' }): Promise<CellRow[]> {
    const { sql, params } = this.rowsCte(scope, group.by === 'service');
    const key = group.by === 'none' ? `'*'` : group.by === 'service' ? `v.service_id::text` : BUCKET_SQL[group.bucket];
    type Tag = 's' | 'p' | 'y' | 'c' | 'e';
    const rows: { t: Tag; scenario: IndicatorScenario; k: string; name: string | null; ord: number | null; vals: string[] }[] = await em.query(
      `WITH ${sql}, g AS (SELECT v.*, ${key} AS k FROM v v)
       SELECT 's' AS t, scenario, k, NULL::text AS name, NULL::int AS ord,
              ARRAY[sum(events_net)::text, sum(gross_savings)::text, sum(cost)::text, sum(spend)::text, sum(cashable)::text, sum(non_cashable)::text,
                    min(conventions)::text, max(conventions)::text] AS vals
         FROM g GROUP BY scenario, k
       UNION ALL
       SELECT 'p', scenario, k, ($${params.length + 1}::text[])[p.ord], NULL, ARRAY[sum(p.x)::text] FROM g, unnest(g.by_payer) WITH ORDINALITY p(x, ord)
        WHERE p.x IS NOT NULL GROUP BY scenario, k, p.ord
       UNION ALL
       SELECT 'c', scenario, k, ($${params.length + 1}::text[])[c.ord], NULL, ARRAY[sum(c.x)::text] FROM g, unnest(g.cost_by_payer) WITH ORDINALITY c(x, ord)
        WHERE c.x IS NOT NULL GROUP BY scenario, k, c.ord
       UNION ALL
       SELECT 'e', scenario, k, e.key, NULL, ARRAY[sum((e.value ->> (g.si - 1))::numeric)::text] FROM g, jsonb_each(g.events_by_outcome) e
        GROUP BY scenario, k, e.key
       UNION ALL
       SELECT 'y', scenario, k, NULL, s.ord::int, ARRAY[sum(s.x)::text] FROM g, unnest(g.stream) WITH ORDINALITY s(x, ord) GROUP BY scenario, k, s.ord`,
      [...params, PAYER_ORDER],
    );
    interface Entry {
      scenario: IndicatorScenario;
      key: string;
      sums: string[];
      payers: [string, string][];
      costs: [string, string][];
      events: [string, string][];
      stream: [number, string][];
    }
    const cells = new Map<string, Entry>();
    const entry = (r: (typeof rows)[number]): Entry => {
      const id = `${r.scenario}|${r.k}`;
      if (!cells.has(id)) cells.set(id, { scenario: r.scenario, key: r.k, sums: [], payers: [], costs: [], events: [], stream: [] });
      return cells.get(id)!;
    };
    for (const r of rows) {
      const e = entry(r);
      if (r.t === 's') e.sums = r.vals;
      else if (r.t === 'p') e.payers.push([r.name!, r.vals[0]]);
      else if (r.t === 'c') e.costs.push([r.name!, r.vals[0]]);
      else if (r.t === 'e') e.events.push([r.name!, r.vals[0]]);
      else e.stream.push([r.ord!, r.vals[0]]);
    }
    const keyed = (pairs: [string, string][]) => Object.fromEntries(pairs.map(([name, amount]) => [name, new Decimal(amount)]));
    return [...cells.values()].map(({ scenario, key, sums, payers, costs, events, stream }) => {
      const conventions = sums[6] === sums[7] ? (Number(sums[6]) as 1 | 2) : null;
      return {
        scenario,
        key,
        conventions,
        cell: {
          eventsNet: new Decimal(sums[0]),
          grossSavings: new Decimal(sums[1]),
          cost: new Decimal(sums[2]),
          spend: new Decimal(sums[3]),
          cashable: new Decimal(sums[4]),
          nonCashable: new Decimal(sums[5]),
          byPayer: keyed(payers) as Partial<Record<Payer, Decimal>>,
          valueStream: stream.sort((a, b) => a[0] - b[0]).map(([, amount]) => new Decimal(amount)),
          ...(conventions === 2 ? { costByPayer: keyed(costs) as Partial<Record<Payer, Decimal>>, eventsByOutcome: keyed(events) } : {}),
        },
      };
    });
  }

  /** Freshness of the scope: when its values were computed, from data as of when, under which methodology version. */
  async freshness(em: EntityManager, scope: ReadScope): Promise<{ computedAt: Date | null; dataAsOf: Date | null; methodologyVersionIds: string[] }> {
    const { sql, params } = this.rowsCte(scope, false);
    const [row] = await em.query(
      `WITH ${sql} SELECT max(computed_at) AS computed_at, max(data_as_of) AS data_as_of, array_remove(array_agg(DISTINCT methodology_version_id), NULL) AS versions FROM v`,
      params,
    );
    return { computedAt: row.computed_at, dataAsOf: row.data_as_of, methodologyVersionIds: row.versions ?? [] };
  }

  /**
   * For statistical secrecy over some dates: the units holding any row of the read model (any service or all, either
   * basis), and those holding a row of more than 0 and fewer than `threshold` beneficiaries.
   */
  async unitActivity(
    em: EntityManager,
    organisationId: string,
    start: string,
    end: string,
    threshold: number,
  ): Promise<{ active: Set<string>; small: Set<string> }> {
    const rows: { id: string; small: boolean }[] = await em.query(
      `SELECT org_unit_id AS id, bool_or(beneficiaries > 0 AND beneficiaries < $4) AS small
         FROM indicator_value WHERE organisation_id = $1 AND period_start >= $2::date AND period_end <= $3::date GROUP BY org_unit_id`,
      [organisationId, start, end, threshold],
    );
    return { active: new Set(rows.map((r) => r.id)), small: new Set(rows.filter((r) => r.small).map((r) => r.id)) };
  }

  /** Largest number of beneficiaries of any single period of the scope (for small-number masking), null if unknown. */
  async peakBeneficiaries(em: EntityManager, scope: ReadScope): Promise<Decimal | null> {
    const { sql, params } = this.rowsCte(scope, false);
    const [row] = await em.query(
      `WITH ${sql} SELECT max(total) AS peak FROM (SELECT period, sum(beneficiaries) AS total FROM v WHERE scenario = 'central' AND beneficiaries IS NOT NULL GROUP BY period) t`,
      params,
    );
    return row.peak === null ? null : new Decimal(row.peak);
  }

  /** Ids of the organisation's service with this code (none when unknown). */
  async serviceIds(em: EntityManager, organisationId: string, code: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query(`SELECT id FROM service WHERE organisation_id = $1 AND code = $2`, [organisationId, code]);
    return rows.map((r) => r.id);
  }

  /** The series' default bucket of a unit: the coarsest granularity among the services it has current values of. */
  async defaultBucket(em: EntityManager, scope: ReadScope): Promise<Bucket> {
    const rows: { g: string }[] = await em.query(
      `SELECT DISTINCT s.granularity AS g FROM service s JOIN indicator_value v ON v.service_id = s.id WHERE v.organisation_id = $1 AND v.org_unit_id = $2 AND v.basis = 'current'`,
      [scope.organisationId, scope.orgUnitId],
    );
    return rows.some((r) => r.g === 'year') ? 'year' : rows.some((r) => r.g === 'quarter') ? 'quarter' : 'month';
  }

  /** Service id → code, label and note, for the series by service. */
  async serviceLabels(em: EntityManager, organisationId: string): Promise<Map<string, { code: string; label: string; note: string | null }>> {
    const rows: { id: string; code: string; label: string; note: string | null }[] = await em.query(
      `SELECT id, code, label, note FROM service WHERE organisation_id = $1`,
      [organisationId],
    );
    return new Map(rows.map((r) => [r.id, { code: r.code, label: r.label, note: r.note }]));
  }
}
