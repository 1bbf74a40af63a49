import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PAYER_ORDER } from './unit-responses';
import { READ_MODEL_CHANNEL } from './read-model-cache';
import { coef, eventField, fieldCount, FundingRow, negCoef, PAYER_FIELD, PeriodRow, range, ResponseRow, Shape, streamField, val } from './read-model-shape';

/** Month count of a period code (`YYYY`, `YYYY-Qn`, `YYYY-MM`), in SQL. */
const MONTHS_SQL = (column: string): string => `(CASE WHEN ${column} ~ '^[0-9]{4}$' THEN 12 WHEN ${column} ~ '-Q' THEN 3 ELSE 1 END)`;

/** The savings metrics' filter on `metric m` (spend, person_months, beneficiaries, observed.*). */
const SAVINGS_METRICS_SQL = `(m.code IN ('spend', 'person_months', 'beneficiaries') OR m.code LIKE 'observed.%')`;

/**
 * Every query of the savings recompute (RecomputeService): the lock, the temporary tables rm_resp, rm_leaf, rm_period,
 * rm_fund and rm_val it computes set-based in exact `numeric`, the write of `indicator_value` and the frozen "as reported"
 * rows. Runs inside the recompute's tenant transaction (`em`).
 */
@Injectable()
export class RecomputeRepository {
  /** One recompute per organisation at a time (advisory lock released at commit), with room to sort in memory. */
  async lock(em: EntityManager, organisationId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('recompute-' || $1))`, [organisationId]);
    await em.query(`SET LOCAL work_mem = '256MB'`);
  }

  /** Deletes the current rows of some periods (all when none are given) and their freshness: nothing is left to compute there. */
  async deleteCurrent(em: EntityManager, organisationId: string, periods: readonly string[]): Promise<void> {
    await em.query(
      `DELETE FROM indicator_value WHERE organisation_id = $1 AND basis = 'current' AND (cardinality($2::text[]) = 0 OR period = ANY($2::text[]))`,
      [organisationId, periods],
    );
    await em.query(`DELETE FROM indicator_freshness WHERE organisation_id = $1 AND (cardinality($2::text[]) = 0 OR period = ANY($2::text[]))`, [
      organisationId,
      periods,
    ]);
  }

  /** Tells the API processes' read caches (`ReadModelCache`) that this organisation's read model changed: delivered at commit. */
  async announce(em: EntityManager, organisationId: string): Promise<void> {
    await em.query(`SELECT pg_notify($1, $2)`, [READ_MODEL_CHANNEL, organisationId]);
  }

  /** Whether some leaves have a savings figure in the periods (all when none are given). */
  async hasSavingsFigures(em: EntityManager, organisationId: string, leafIds: readonly string[], periods: readonly string[]): Promise<boolean> {
    const [{ any }] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM figure f JOIN metric m ON m.id = f.metric_id WHERE f.organisation_id = $1 AND f.org_unit_id = ANY($2::uuid[])
                        AND (cardinality($3::text[]) = 0 OR f.period = ANY($3::text[])) AND ${SAVINGS_METRICS_SQL}) AS any`,
      [organisationId, leafIds, periods],
    );
    return any as boolean;
  }

  /** The savings metrics (spend, person_months, beneficiaries, observed.*) by code, so the figure scan needs no join. */
  async savingsMetricIds(em: EntityManager): Promise<Map<string, string[]>> {
    const metrics: { id: string; code: string }[] = await em.query(
      `SELECT id, code FROM metric WHERE code IN ('spend', 'person_months', 'beneficiaries') OR code LIKE 'observed.%'`,
    );
    const metricIds = new Map<string, string[]>();
    for (const m of metrics) metricIds.set(m.code, [...(metricIds.get(m.code) ?? []), m.id]);
    return metricIds;
  }

  /** The coefficient columns of rm_resp, in the order of {@link ResponseRow.coefs}. */
  coefColumns(shape: Shape): string[] {
    const width = fieldCount(shape);
    const columns: string[] = [];
    for (let j = 0; j <= shape.slots; j++) for (const s of range(3)) for (const f of range(width)) columns.push(coef(j, s + 1, f));
    if (shape.conventions === 2)
      for (let j = 1; j <= shape.slots; j++) for (const s of range(3)) for (const f of range(width)) columns.push(negCoef(j, s + 1, f));
    return columns;
  }

  /**
   * rm_resp: one row per service, coefficient c_j_s_f = result field f in scenario s for one unit of driver j
   * (j = 0 person-months, 1 … slots the observed outcomes), n_j_s_f the same for a negative count (conventions 2);
   * hp_p = payer p has a share; ho_k = outcome k belongs to the service; slen = stream length.
   */
  async createResponses(em: EntityManager, shape: Shape, rows: readonly ResponseRow[]): Promise<void> {
    await em.query(
      `CREATE TEMP TABLE rm_resp ON COMMIT DROP AS
       SELECT (r->>'service_id')::uuid AS service_id, (r->>'slen')::int AS slen,
              ${PAYER_ORDER.map((_, i) => `(r->'hp'->>${i})::boolean AS hp_${i}`).join(', ')},
              ${shape.outcomes.map((_, k) => `(r->'ho'->>${k})::boolean AS ho_${k}, `).join('')}
              ${range(shape.slots)
                .map((j) => `ARRAY(SELECT jsonb_array_elements_text(r->'slots'->${j}))::uuid[] AS slot_${j + 1}, `)
                .join('')}
              ${this.coefColumns(shape)
                .map((c, i) => `(r->'coefs'->>${i})::numeric AS ${c}`)
                .join(', ')}
         FROM jsonb_array_elements($1::jsonb) r`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * rm_leaf: the drivers of each leaf (service, period) that has at least one savings figure: spend, beneficiaries,
   * d_0 = exposure in person-months (person_months, else beneficiaries × months, else 0), d_j = observed.<outcome j>,
   * and when its figures last changed (`updated_at`: the period's « données au », see writeValues). Returns how many
   * rows it holds.
   */
  async createLeafDrivers(
    em: EntityManager,
    organisationId: string,
    leafIds: readonly string[],
    periods: readonly string[],
    shape: Shape,
    metricIds: ReadonlyMap<string, string[]>,
  ): Promise<number> {
    const ids = (code: string) => metricIds.get(code) ?? [];
    const slotColumns = range(shape.slots).map((j) => `, COALESCE(sum(f.value) FILTER (WHERE f.metric_id = ANY(r.slot_${j + 1})), 0) AS d_${j + 1}`);
    await em.query(
      `CREATE TEMP TABLE rm_leaf ON COMMIT DROP AS
       SELECT f.org_unit_id AS unit_id, f.service_id, f.period,
              COALESCE(sum(f.value) FILTER (WHERE f.metric_id = ANY($4::uuid[])), 0) AS spend,
              sum(f.value) FILTER (WHERE f.metric_id = ANY($5::uuid[])) AS ben,
              COALESCE(sum(f.value) FILTER (WHERE f.metric_id = ANY($6::uuid[])), sum(f.value) FILTER (WHERE f.metric_id = ANY($5::uuid[])) * ${MONTHS_SQL('f.period')}, 0) AS d_0,
              max(f.updated_at) AS updated_at
              ${slotColumns.join('')}
         FROM figure f
         ${shape.slots > 0 ? 'JOIN rm_resp r ON r.service_id = f.service_id' : ''}
        WHERE f.organisation_id = $1
          AND f.org_unit_id = ANY($2::uuid[])
          AND (cardinality($3::text[]) = 0 OR f.period = ANY($3::text[]))
          AND f.metric_id = ANY($7::uuid[])
        GROUP BY f.org_unit_id, f.service_id, f.period${range(shape.slots)
          .map((j) => `, r.slot_${j + 1}`)
          .join('')}`,
      [organisationId, leafIds, periods, ids('spend'), ids('beneficiaries'), ids('person_months'), [...metricIds.values()].flat()],
    );
    return (await em.query(`SELECT count(*)::int AS n FROM rm_leaf`))[0].n as number;
  }

  /** The periods that rm_leaf holds. */
  async leafPeriods(em: EntityManager): Promise<string[]> {
    const rows: { period: string }[] = await em.query(`SELECT DISTINCT period FROM rm_leaf`);
    return rows.map((r) => r.period);
  }

  /** rm_period (each period's bounds and factors) and rm_fund (each service's funding shares per year, conventions 2). */
  async createPeriodsAndFunding(em: EntityManager, periods: readonly PeriodRow[], funding: readonly FundingRow[]): Promise<void> {
    await em.query(
      `CREATE TEMP TABLE rm_period ON COMMIT DROP AS
       SELECT * FROM unnest($1::text[], $2::date[], $3::date[], $4::int[], $5::numeric[], $6::numeric[])
                  AS p(period, period_start, period_end, year, spend_factor, cost_factor)`,
      [
        periods.map((b) => b.period),
        periods.map((b) => b.start),
        periods.map((b) => b.end),
        periods.map((b) => b.year),
        periods.map((b) => b.spendFactor),
        periods.map((b) => b.costFactor),
      ],
    );
    await em.query(
      `CREATE TEMP TABLE rm_fund ON COMMIT DROP AS
       SELECT (r->>'service_id')::uuid AS service_id, (r->>'year')::int AS year,
              ${PAYER_ORDER.map((_, i) => `(r->'shares'->>${i})::numeric AS f_${i}`).join(', ')}
         FROM jsonb_array_elements($1::jsonb) r`,
      [JSON.stringify(funding)],
    );
  }

  /**
   * rm_val: per (unit, service, period) for leaves and every ancestor, v_s_f = Σ_j d_j × c_j_s_f (n_j_s_f for a negative
   * observed count under conventions 2), payers without a share, outcomes not of the service and stream years beyond
   * the service's length left NULL; spend in constant euros (conventions 2; payback compares the undiscounted stream with
   * it), cost = spend × cost_factor and, under conventions 2, cb_p = cost × the payer's funding share. Ancestors sum their
   * leaves' drivers first (`pairs`: every (leaf, ancestor)).
   */
  async createValues(em: EntityManager, pairs: readonly (readonly [string, string])[], shape: Shape): Promise<void> {
    const drivers = range(shape.slots + 1).map((j) => `d_${j}`);
    const width = fieldCount(shape);
    const term = (j: number, s: number, f: number): string =>
      j > 0 && shape.conventions === 2
        ? `CASE WHEN u.d_${j} < 0 THEN u.d_${j} * r.${negCoef(j, s, f)} ELSE u.d_${j} * r.${coef(j, s, f)} END`
        : `u.d_${j} * r.${coef(j, s, f)}`;
    const values: string[] = [];
    for (const s of range(3)) {
      for (const f of range(width)) {
        const sum = drivers.map((_, j) => term(j, s + 1, f)).join(' + ');
        const expr =
          f < PAYER_FIELD
            ? sum
            : f < eventField(0)
              ? `CASE WHEN r.hp_${f - PAYER_FIELD} THEN ${sum} END`
              : f < streamField(shape, 0)
                ? `CASE WHEN r.ho_${f - eventField(0)} THEN ${sum} END`
                : `CASE WHEN r.slen > ${f - streamField(shape, 0)} THEN ${sum} END`;
        values.push(`${expr} AS ${val(s + 1, f)}`);
      }
    }
    const costByPayer = shape.conventions === 2 ? PAYER_ORDER.map((_, i) => `, u.spend * p.cost_factor * fu.f_${i} AS cb_${i}`).join('') : '';
    // temporary tables have no statistics until analysed: without them the planner sorts rm_val to disk for a merge join
    await em.query(`ANALYZE rm_resp, rm_period, rm_fund`);
    // rm_leaf comes out of its GROUP BY sorted by (unit, service, period), the read model's unique key: the hash joins
    // keep that order, so the insert walks the unique index in order too
    await em.query(
      `CREATE TEMP TABLE rm_val ON COMMIT DROP AS
       SELECT u.unit_id, u.service_id, u.period, p.period_start, p.period_end, u.spend * p.spend_factor AS spend, u.spend * p.cost_factor AS cost, u.ben${costByPayer},
              ${values.join(', ')}
         FROM (SELECT unit_id, service_id, period, spend, ben, ${drivers.join(', ')} FROM rm_leaf
               UNION ALL
               SELECT a.unit_id, l.service_id, l.period, sum(l.spend), sum(l.ben), ${drivers.map((d) => `sum(l.${d})`).join(', ')}
                 FROM rm_leaf l JOIN unnest($1::uuid[], $2::uuid[]) a(leaf_id, unit_id) ON a.leaf_id = l.unit_id
                GROUP BY a.unit_id, l.service_id, l.period) u
         JOIN rm_resp r ON r.service_id = u.service_id
         JOIN rm_period p ON p.period = u.period
         ${shape.conventions === 2 ? 'JOIN rm_fund fu ON fu.service_id = u.service_id AND fu.year = p.year' : ''}`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
  }

  /** Whether the read model holds no current row for these periods (all when none are given): a first recompute, or periods emptied. */
  async noCurrentRows(em: EntityManager, organisationId: string, periods: readonly string[]): Promise<boolean> {
    const [{ none }] = await em.query(
      `SELECT NOT EXISTS (SELECT 1 FROM indicator_value WHERE organisation_id = $1 AND basis = 'current'
                             AND (cardinality($2::text[]) = 0 OR period = ANY($2::text[]))) AS none`,
      [organisationId, periods],
    );
    return none as boolean;
  }

  /**
   * The read model's rows from rm_val: the per-service rows, and the all-services rows (service_id null) as their sums
   * per unit and period, written to the read model by difference (issue 17, item 5): the current rows of the periods
   * that are no longer computed go, new ones are inserted, existing ones are updated only where a value (or the method)
   * changed. Rewriting every row at every recompute left as many dead rows on disk until vacuumed (an import file of ten
   * units rewrote the whole organisation's read model: ≈ 3.8 KB per row at scale M for ≈ 1.1 KB live). When the periods
   * hold no current row yet (`empty`: a first recompute, or periods whose rows were all deleted) there is nothing to
   * compare with: a plain INSERT. The rows go straight from rm_val into the table (no intermediate table: the deletion of
   * vanished rows needs only their keys). The time of the recompute and of its data go to `indicator_freshness`, one row
   * per period: its « données au » is when the savings figures of that period last changed (rm_leaf's updated_at, read
   * in the recompute's own scan of the figures; it was the organisation's `max(updated_at)`, which needed an index on
   * (organisation_id, updated_at) that every imported figure paid for, migration 1795900000001). Returns how many rows the periods hold.
   */
  async writeValues(
    em: EntityManager,
    organisationId: string,
    periods: readonly string[],
    methodologyVersionId: string | null,
    now: Date,
    shape: Shape,
    empty: boolean,
  ): Promise<number> {
    const v2 = shape.conventions === 2;
    const arrays = (col: (name: string) => string) => {
      const perScenario = (f: number) =>
        `ARRAY[${range(3)
          .map((s) => col(val(s + 1, f)))
          .join(', ')}]::numeric[]`;
      const payers = `ARRAY[${range(3)
        .flatMap((s) => PAYER_ORDER.map((_, p) => col(val(s + 1, PAYER_FIELD + p))))
        .join(', ')}]::numeric[]`;
      const stream = `array_remove(ARRAY[${range(3)
        .flatMap((s) => range(shape.years).map((k) => col(val(s + 1, streamField(shape, k)))))
        .join(', ')}]::numeric[], NULL)`;
      // conventions 2: { outcome code: [central, low, high] } over the outcomes of the services summed (jsonb numbers are exact)
      const events = v2
        ? `jsonb_strip_nulls(jsonb_build_object(${shape.outcomes
            .map((code, k) => {
              const [c, l, h] = range(3).map((s) => col(val(s + 1, eventField(k))));
              return `'${code.replace(/'/g, "''")}', CASE WHEN ${c} IS NULL THEN NULL ELSE jsonb_build_array(${c}, ${l}, ${h}) END`;
            })
            .join(', ')}))`
        : 'NULL::jsonb';
      const costByPayer = v2 ? `ARRAY[${PAYER_ORDER.map((_, i) => col(`cb_${i}`)).join(', ')}]::numeric[]` : 'NULL::numeric[]';
      return `${perScenario(0)}, ${perScenario(1)}, ${perScenario(2)}, ${perScenario(3)}, ${payers}, ${stream}, ${events}, ${costByPayer}`;
    };
    const rows = `(SELECT unit_id, service_id, period, period_start, period_end, spend, cost, ben, ${arrays((c) => c)} FROM rm_val
                   UNION ALL
                   SELECT unit_id, NULL, period, period_start, period_end, sum(spend), sum(cost), sum(ben), ${arrays((c) => `sum(${c})`)}
                     FROM rm_val GROUP BY unit_id, period, period_start, period_end
                  ) o(unit_id, service_id, period, period_start, period_end, spend, cost, ben, events_net, gross_savings, cashable, non_cashable, by_payer,
                      stream, events_by_outcome, cost_by_payer)`;
    const values = `methodology_version_id, conventions, events_net, gross_savings, cashable, non_cashable, by_payer, stream, events_by_outcome,
                    cost_by_payer, cost, spend, beneficiaries`;
    const list = (prefix: string) =>
      values
        .split(',')
        .map((c) => `${prefix}${c.trim()}`)
        .join(', ');
    const insert = `INSERT INTO indicator_value AS v (organisation_id, org_unit_id, service_id, period, period_start, period_end, basis, ${values})
       SELECT $1, o.unit_id, o.service_id, o.period, o.period_start, o.period_end, 'current', $2, $3,
              o.events_net, o.gross_savings, o.cashable, o.non_cashable, o.by_payer, o.stream, o.events_by_outcome, o.cost_by_payer, o.cost, o.spend, o.ben
         FROM ${rows}`;
    const [{ periods: computed, n }]: { periods: string[]; n: string }[] = await em.query(
      `SELECT coalesce(array_agg(DISTINCT period), '{}') AS periods, sum(services) + count(*) AS n
         FROM (SELECT period, unit_id, count(*) AS services FROM rm_val GROUP BY period, unit_id) u`,
    );
    if (empty) {
      await em.query(insert, [organisationId, methodologyVersionId, shape.conventions]);
    } else {
      // NOT IN over non-null keys (the all-services rows' null service as a value): a hashed subplan, whatever the planner
      // believes of the read model's size right after a bulk write (it chose a nested loop for NOT EXISTS); rm_val needs
      // no statistics for it (analysing its keys took longer than the deletion)
      const none = `'00000000-0000-0000-0000-000000000000'::uuid`;
      await em.query(
        `DELETE FROM indicator_value v
          WHERE v.organisation_id = $1 AND v.basis = 'current' AND (cardinality($2::text[]) = 0 OR v.period = ANY($2::text[]))
            AND (v.org_unit_id, coalesce(v.service_id, ${none}), v.period) NOT IN (SELECT o.unit_id, o.service_id, o.period FROM rm_val o
                                                                                   UNION ALL
                                                                                   SELECT DISTINCT o.unit_id, ${none}, o.period FROM rm_val o)`,
        [organisationId, periods],
      );
      await em.query(
        `${insert}
         ON CONFLICT (org_unit_id, service_id, period, basis) DO UPDATE SET (${values}) = (${list('excluded.')})
          WHERE (${list('v.')}) IS DISTINCT FROM (${list('excluded.')})`,
        [organisationId, methodologyVersionId, shape.conventions],
      );
    }
    await em.query(
      `DELETE FROM indicator_freshness f WHERE f.organisation_id = $1 AND (cardinality($2::text[]) = 0 OR f.period = ANY($2::text[]))
          AND NOT (f.period = ANY($3::text[]))`,
      [organisationId, periods, computed],
    );
    await em.query(
      `INSERT INTO indicator_freshness (organisation_id, period, computed_at, data_as_of)
       SELECT $1::uuid, p.period, $2::timestamptz, coalesce(l.updated_at, $2::timestamptz)
         FROM unnest($3::text[]) AS p(period)
         LEFT JOIN (SELECT period, max(updated_at) AS updated_at FROM rm_leaf GROUP BY period) l ON l.period = p.period
       ON CONFLICT (organisation_id, period) DO UPDATE SET computed_at = excluded.computed_at, data_as_of = excluded.data_as_of`,
      [organisationId, now, computed],
    );
    return Number(n);
  }

  /** Drops the temporary tables (rm_val, rm_period, rm_fund only exist when some leaf had figures). */
  async dropTemporary(em: EntityManager, withValues: boolean): Promise<void> {
    await em.query(`DROP TABLE rm_resp, rm_leaf${withValues ? ', rm_val, rm_period, rm_fund' : ''}`);
  }

  /**
   * "As reported": an approved (org unit, period) keeps the values of the moment it was approved. Its reported rows
   * are written from the current ones when it has none yet, or when it was approved again since they were frozen.
   */
  async freezeApprovedPeriods(em: EntityManager, organisationId: string, periods: readonly string[]): Promise<void> {
    const stale = `SELECT ps.org_unit_id, ps.period FROM period_status ps
                    WHERE ps.organisation_id = $1 AND ps.status = 'approved' AND (cardinality($2::text[]) = 0 OR ps.period = ANY($2::text[]))
                      AND NOT EXISTS (SELECT 1 FROM indicator_value r WHERE r.org_unit_id = ps.org_unit_id AND r.period = ps.period
                                         AND r.basis = 'reported' AND r.computed_at >= ps.updated_at)`;
    await em.query(`DELETE FROM indicator_value v USING (${stale}) s WHERE v.basis = 'reported' AND v.org_unit_id = s.org_unit_id AND v.period = s.period`, [
      organisationId,
      periods,
    ]);
    const columns = `organisation_id, org_unit_id, service_id, period, period_start, period_end, methodology_version_id, conventions, events_net, gross_savings,
                     cost, spend, cashable, non_cashable, by_payer, stream, events_by_outcome, cost_by_payer, beneficiaries`;
    // a frozen row keeps the time of the recompute it was taken from (the current rows' is their period's freshness)
    await em.query(
      `INSERT INTO indicator_value (basis, ${columns}, computed_at, data_as_of)
       SELECT 'reported', ${columns
         .split(',')
         .map((c) => `v.${c.trim()}`)
         .join(', ')}, f.computed_at, f.data_as_of
         FROM indicator_value v JOIN indicator_freshness f ON f.organisation_id = v.organisation_id AND f.period = v.period
        WHERE v.organisation_id = $1 AND v.basis = 'current'
          AND (v.org_unit_id, v.period) IN (
                SELECT ps.org_unit_id, ps.period FROM period_status ps
                 WHERE ps.organisation_id = $1 AND ps.status = 'approved' AND (cardinality($2::text[]) = 0 OR ps.period = ANY($2::text[]))
                   AND NOT EXISTS (SELECT 1 FROM indicator_value r WHERE r.org_unit_id = ps.org_unit_id AND r.period = ps.period AND r.basis = 'reported'))`,
      [organisationId, periods],
    );
  }
}
