import { Injectable } from '@nestjs/common';
import { d } from '@levier/indicators';
import { EntityManager } from 'typeorm';
import { periodBounds } from '../shared/period-bounds';
import { CustomIndicator } from './custom-indicator.entity';
import { Catalogue } from './custom-formula';
import { CellFigure } from './custom-cells';

export interface CellValueRow {
  orgUnitId: string;
  serviceId: string;
  period: string;
  numerator: string | null;
  denominator: string | null;
}

export interface PeriodSumRow {
  indicatorId: string;
  period: string;
  numerator: string | null;
  denominator: string | null;
  used: number;
  missing: number;
}

/** Queries of the custom indicators' read model (`custom_indicator_value`) and of the figures they read. */
@Injectable()
export class CustomIndicatorRepository {
  /** One custom-indicator recompute per organisation at a time (advisory lock released at commit). */
  async lock(em: EntityManager, organisationId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('recompute-custom-' || $1))`, [organisationId]);
  }

  /** The organisation's custom indicators by code (only the one of `code` when given). */
  definitions(em: EntityManager, organisationId: string, code?: string): Promise<CustomIndicator[]> {
    return em.find(CustomIndicator, { where: { organisationId, ...(code ? { code } : {}) }, order: { code: 'ASC' } });
  }

  async catalogue(em: EntityManager, organisationId: string): Promise<Catalogue> {
    const metrics = (await em.query(`SELECT code FROM metric WHERE organisation_id = $1 ORDER BY code`, [organisationId])) as { code: string }[];
    const services = (await em.query(`SELECT code FROM service WHERE organisation_id = $1 ORDER BY code`, [organisationId])) as { code: string }[];
    return { metrics: metrics.map((m) => m.code), services: services.map((s) => s.code) };
  }

  async leafIds(em: EntityManager, organisationId: string): Promise<string[]> {
    const rows = (await em.query(
      `SELECT u.id FROM org_unit u WHERE u.organisation_id = $1 AND NOT EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = u.id)`,
      [organisationId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Figures of some metrics at some leaves, in a date range and/or a list of periods (all when empty). */
  async figures(
    em: EntityManager,
    organisationId: string,
    args: { leafIds: readonly string[]; metrics: readonly string[]; periods?: readonly string[]; start?: string; end?: string },
  ): Promise<CellFigure[]> {
    const rows = (await em.query(
      `SELECT f.org_unit_id AS "orgUnitId", f.service_id AS "serviceId", s.code AS service, f.period, m.code AS metric, f.value
         FROM figure f JOIN service s ON s.id = f.service_id JOIN metric m ON m.id = f.metric_id
        WHERE f.organisation_id = $1 AND f.org_unit_id = ANY($2::uuid[]) AND m.code = ANY($3::text[])
          AND (cardinality($4::text[]) = 0 OR f.period = ANY($4::text[]))`,
      [organisationId, args.leafIds, args.metrics, args.periods ?? []],
    )) as { orgUnitId: string; serviceId: string; service: string; period: string; metric: string; value: string }[];
    return rows
      .filter((r) => {
        if (args.start === undefined || args.end === undefined) return true;
        const bounds = periodBounds(r.period);
        return bounds.start >= args.start && bounds.end <= args.end;
      })
      .map((r) => ({ ...r, value: d(r.value) }));
  }

  /**
   * Replaces an indicator's cells for some periods (all when empty), by difference (issue 17, item 5, as the savings read
   * model): cells no longer computed are deleted, new ones inserted, existing ones updated only where the numerator or
   * the denominator changed (compared as text, so a change of scale is written too); a cell that did not move is not
   * rewritten and keeps the `computed_at` of its last change. Cells of periods that hold none yet are inserted directly.
   */
  async replace(
    em: EntityManager,
    organisationId: string,
    indicatorId: string,
    periods: readonly string[],
    rows: readonly CellValueRow[],
    now: Date,
  ): Promise<void> {
    const [{ empty }]: { empty: boolean }[] = await em.query(
      `SELECT NOT EXISTS (SELECT 1 FROM custom_indicator_value WHERE organisation_id = $1 AND indicator_id = $2
                             AND (cardinality($3::text[]) = 0 OR period = ANY($3::text[]))) AS empty`,
      [organisationId, indicatorId, periods],
    );
    const CHUNK = 5000;
    /** `statement` reads the cells of a chunk as `u` from parameters $1 … $7 (its own come after). */
    const eachChunk = async (statement: string, extra: unknown[]): Promise<void> => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const bounds = chunk.map((r) => periodBounds(r.period));
        await em.query(statement, [
          chunk.map((r) => r.orgUnitId),
          chunk.map((r) => r.serviceId),
          chunk.map((r) => r.period),
          bounds.map((b) => b.start),
          bounds.map((b) => b.end),
          chunk.map((r) => r.numerator),
          chunk.map((r) => r.denominator),
          ...extra,
        ]);
      }
    };
    const cells = `unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::date[], $6::numeric[], $7::numeric[])
                     AS u(org_unit_id, service_id, period, period_start, period_end, numerator, denominator)`;
    if (empty) {
      // nothing to compare with (a new indicator, or periods without cells): the cells go straight in
      await eachChunk(
        `INSERT INTO custom_indicator_value (organisation_id, indicator_id, org_unit_id, service_id, period, period_start, period_end, numerator, denominator, computed_at)
         SELECT $8, $9, u.org_unit_id, u.service_id, u.period, u.period_start, u.period_end, u.numerator, u.denominator, $10 FROM ${cells}`,
        [organisationId, indicatorId, now],
      );
      return;
    }
    await em.query(
      `CREATE TEMP TABLE cv_new (org_unit_id uuid NOT NULL, service_id uuid NOT NULL, period varchar(7) NOT NULL, period_start date NOT NULL,
                                 period_end date NOT NULL, numerator numeric, denominator numeric) ON COMMIT DROP`,
    );
    await eachChunk(`INSERT INTO cv_new SELECT * FROM ${cells}`, []);
    await em.query(`ANALYZE cv_new`);
    await em.query(
      `DELETE FROM custom_indicator_value v
        WHERE v.organisation_id = $1 AND v.indicator_id = $2 AND (cardinality($3::text[]) = 0 OR v.period = ANY($3::text[]))
          AND NOT EXISTS (SELECT 1 FROM cv_new n WHERE n.org_unit_id = v.org_unit_id AND n.service_id = v.service_id AND n.period = v.period)`,
      [organisationId, indicatorId, periods],
    );
    await em.query(
      `INSERT INTO custom_indicator_value AS v (organisation_id, indicator_id, org_unit_id, service_id, period, period_start, period_end, numerator, denominator, computed_at)
       SELECT $1, $2, n.org_unit_id, n.service_id, n.period, n.period_start, n.period_end, n.numerator, n.denominator, $3 FROM cv_new n
       ON CONFLICT (indicator_id, org_unit_id, service_id, period) DO UPDATE
          SET numerator = excluded.numerator, denominator = excluded.denominator, computed_at = excluded.computed_at
        WHERE (v.numerator::text, v.denominator::text) IS DISTINCT FROM (excluded.numerator::text, excluded.denominator::text)`,
      [organisationId, indicatorId, now],
    );
    await em.query(`DROP TABLE cv_new`);
  }

  /** Records the time of the organisation's custom-indicator recompute (the cells keep the time of their last change). */
  async markComputed(em: EntityManager, organisationId: string, now: Date): Promise<void> {
    await em.query(
      `INSERT INTO custom_indicator_freshness (organisation_id, computed_at) VALUES ($1, $2)
       ON CONFLICT (organisation_id) DO UPDATE SET computed_at = excluded.computed_at`,
      [organisationId, now],
    );
  }

  /**
   * Sums per indicator and entry period over the leaves of a scope: a cell counts only when its numerator and (if the
   * indicator has one) its denominator are both present, so both sums cover the same cells (docs/methodology.md#custom-indicators-targets-alerts).
   */
  async sums(
    em: EntityManager,
    organisationId: string,
    scope: { leafIds: readonly string[]; start: string; end: string; indicatorIds?: readonly string[] },
  ): Promise<PeriodSumRow[]> {
    const used = `v.numerator IS NOT NULL AND (ci.denominator IS NULL OR v.denominator IS NOT NULL)`;
    return (await em.query(
      `SELECT v.indicator_id AS "indicatorId", v.period,
              sum(v.numerator) FILTER (WHERE ${used})::text AS numerator,
              sum(v.denominator) FILTER (WHERE ${used})::text AS denominator,
              count(*) FILTER (WHERE ${used})::int AS used,
              count(*) FILTER (WHERE NOT (${used}))::int AS missing
         FROM custom_indicator_value v JOIN custom_indicator ci ON ci.id = v.indicator_id
        WHERE v.organisation_id = $1 AND v.org_unit_id = ANY($2::uuid[]) AND v.period_start >= $3::date AND v.period_end <= $4::date
          AND ($5::uuid[] IS NULL OR v.indicator_id = ANY($5::uuid[]))
        GROUP BY v.indicator_id, v.period
        ORDER BY v.period`,
      [organisationId, scope.leafIds, scope.start, scope.end, scope.indicatorIds ?? null],
    )) as PeriodSumRow[];
  }

  /** The time of the last custom-indicator recompute, null while the organisation has no cell. */
  async computedAt(em: EntityManager, organisationId: string): Promise<Date | null> {
    const [row] = (await em.query(
      `SELECT f.computed_at AS at FROM custom_indicator_freshness f
        WHERE f.organisation_id = $1 AND EXISTS (SELECT 1 FROM custom_indicator_value v WHERE v.organisation_id = $1)`,
      [organisationId],
    )) as { at: Date }[];
    return row?.at ?? null;
  }
}
