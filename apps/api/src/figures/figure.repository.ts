import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { FigureStatus, SubmissionSource } from './figure.entity';

/** A validated figure with the ids behind its codes. */
export interface ResolvedFigure {
  orgUnitId: string;
  serviceId: string;
  metricId: string;
  orgUnit: string;
  service: string;
  metric: string;
  period: string;
  /** Decimal string. */
  value: string;
  comment: string | null;
}

export interface ApplyContext {
  submissionId: string;
  actorId: string | null;
  source: SubmissionSource;
  reason?: string | null;
}

export interface FigureView {
  id: string;
  orgUnit: string;
  service: string;
  metric: string;
  period: string;
  value: string;
  status: FigureStatus;
  source: SubmissionSource;
  comment: string | null;
  submissionId: string | null;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface FigureFilter {
  ids?: string[];
  orgUnits?: string[];
  /** The caller's visible units (ids); absent for an organisation-wide caller. */
  orgUnitIds?: string[];
  services?: string[];
  metrics?: string[];
  periods?: string[];
  periodFrom?: string;
  periodTo?: string;
  status?: string[];
  source?: string[];
}
export type FigureSortField = 'period' | 'orgUnit' | 'service' | 'metric' | 'value' | 'status' | 'updatedAt';
const SORT_SQL: Record<FigureSortField, string> = {
  period: 'f.period',
  orgUnit: 'u.code',
  service: 's.code',
  metric: 'm.code',
  value: 'f.value',
  status: 'f.status',
  updatedAt: 'f.updated_at',
};

const VIEW = `SELECT f.id, u.code AS "orgUnit", s.code AS service, m.code AS metric, f.period, f.value::text AS value, f.status, f.source,
                     f.comment, f.submission_id AS "submissionId", f.updated_by AS "updatedBy", f.updated_at AS "updatedAt"
                FROM figure f
                JOIN org_unit u ON u.id = f.org_unit_id
                JOIN service s ON s.id = f.service_id
                JOIN metric m ON m.id = f.metric_id`;

/** Same (unit, service, metric), same period type (monthly, quarterly or yearly), earlier period. */
const SAME_SERIES_BEFORE = `f.org_unit_id = i.org_unit_id AND f.service_id = i.service_id AND f.metric_id = i.metric_id
  AND f.period < i.period AND length(f.period) = length(i.period) AND (f.period LIKE '____-Q_') = (i.period LIKE '____-Q_')`;

@Injectable()
export class FigureRepository {
  /**
   * Upserts a batch on the figure key and, in the same statement, writes one audit row per figure whose value (or
   * given comment) changed, with the value before (read from the statement's snapshot, i.e. before the upsert) and
   * after. Unchanged figures are left alone (no update, no audit). Returns the periods that changed.
   */
  async upsertBatch(
    em: EntityManager,
    organisationId: string,
    ctx: ApplyContext,
    rows: readonly ResolvedFigure[],
  ): Promise<{ changed: number; periods: string[] }> {
    await this.lockPeriods(em, organisationId, rows);
    const result = (await em.query(
      `WITH input AS (
         SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::varchar[], $6::numeric[], $7::varchar[], $8::text[], $9::text[], $10::text[])
           AS t(org_unit_id, service_id, metric_id, period, value, comment, org_unit_code, service_code, metric_code)
       ),
       old AS (
         SELECT f.id, f.value, f.status, f.comment
           FROM figure f
           JOIN input i ON f.org_unit_id = i.org_unit_id AND f.service_id = i.service_id AND f.metric_id = i.metric_id AND f.period = i.period
       ),
       up AS (
         INSERT INTO figure AS f (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source, comment, submission_id, updated_by, updated_at)
         SELECT $1, org_unit_id, service_id, metric_id, period, value, 'draft', $11, comment, $12, $13, now() FROM input
         ON CONFLICT (org_unit_id, service_id, metric_id, period) DO UPDATE
           SET value = EXCLUDED.value, status = 'draft', source = EXCLUDED.source, comment = COALESCE(EXCLUDED.comment, f.comment),
               submission_id = EXCLUDED.submission_id, updated_by = EXCLUDED.updated_by, updated_at = now()
           WHERE f.value IS DISTINCT FROM EXCLUDED.value OR (EXCLUDED.comment IS NOT NULL AND f.comment IS DISTINCT FROM EXCLUDED.comment)
         RETURNING f.id, f.org_unit_id, f.service_id, f.metric_id, f.period, f.value, f.status, f.comment
       ),
       audit AS (
         INSERT INTO audit_log (organisation_id, actor_id, action, entity, entity_id, before, after, reason, submission_id)
         SELECT $1, $13, 'figure.upsert', 'figure', up.id::text,
                CASE WHEN old.id IS NULL THEN NULL ELSE jsonb_build_object('value', old.value::text, 'status', old.status, 'comment', old.comment) END,
                jsonb_build_object('value', up.value::text, 'status', up.status, 'comment', up.comment, 'source', $11::text,
                                   'orgUnit', i.org_unit_code, 'service', i.service_code, 'metric', i.metric_code, 'period', up.period),
                $14, $12
           FROM up
           JOIN input i ON i.org_unit_id = up.org_unit_id AND i.service_id = up.service_id AND i.metric_id = up.metric_id AND i.period = up.period
           LEFT JOIN old ON old.id = up.id
         RETURNING 1
       )
       SELECT (SELECT count(*)::int FROM audit) AS changed, COALESCE((SELECT array_agg(DISTINCT period) FROM up), '{}') AS periods`,
      [
        organisationId,
        rows.map((r) => r.orgUnitId),
        rows.map((r) => r.serviceId),
        rows.map((r) => r.metricId),
        rows.map((r) => r.period),
        rows.map((r) => r.value),
        rows.map((r) => r.comment),
        rows.map((r) => r.orgUnit),
        rows.map((r) => r.service),
        rows.map((r) => r.metric),
        ctx.source,
        ctx.submissionId,
        ctx.actorId,
        ctx.reason ?? null,
      ],
    )) as { changed: number; periods: string[] }[];
    return result[0];
  }

  /**
   * Serialises the writers of the same figures until the end of the transaction: one advisory lock per (organisation,
   * org unit, period), taken in sorted order, so imports of different units proceed side by side. Without it, two transactions writing the same figure at once (two edits, an edit and
   * an import, two imports creating it) each read the value "before" from their own snapshot, and the audit chain broke
   * (two rows with the same `before`, or two creations of one figure). Re-taking a lock already held is a no-op, so an
   * apply may lock every period of its submission up front (no deadlock between batches) and each batch again.
   */
  async lockPeriods(em: EntityManager, organisationId: string, rows: readonly { orgUnitId: string; period: string }[]): Promise<void> {
    const sorted = [...new Set(rows.map((r) => `${r.orgUnitId}|${r.period}`))].sort();
    if (sorted.length === 0) return;
    await em.query(`SELECT count(pg_advisory_xact_lock(hashtextextended($1 || '|' || t.key, 0)))::int FROM unnest($2::text[]) AS t(key)`, [
      organisationId,
      sorted,
    ]);
  }

  /** The last `depth` earlier values of each row's series (same unit, service, metric and period type), by row index. */
  async histories(em: EntityManager, rows: readonly ResolvedFigure[], depth = 12): Promise<Map<number, string[]>> {
    const found = (await em.query(
      `SELECT i.idx, h.value::text AS value
         FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::uuid[], $5::varchar[]) AS i(idx, org_unit_id, service_id, metric_id, period)
         CROSS JOIN LATERAL (SELECT f.value FROM figure f WHERE ${SAME_SERIES_BEFORE} ORDER BY f.period DESC LIMIT ${depth}) h`,
      [rows.map((_, i) => i), rows.map((r) => r.orgUnitId), rows.map((r) => r.serviceId), rows.map((r) => r.metricId), rows.map((r) => r.period)],
    )) as { idx: number; value: string }[];
    const out = new Map<number, string[]>();
    for (const { idx, value } of found) {
      const list = out.get(idx);
      if (list) list.push(value);
      else out.set(idx, [value]);
    }
    return out;
  }

  async findView(em: EntityManager, organisationId: string, id: string): Promise<FigureView | null> {
    const rows = (await em.query(`${VIEW} WHERE f.organisation_id = $1 AND f.id = $2`, [organisationId, id])) as FigureView[];
    return rows[0] ?? null;
  }

  async list(
    em: EntityManager,
    organisationId: string,
    filter: FigureFilter,
    page: { sort: { field: FigureSortField; order: 'ASC' | 'DESC' }; offset: number; limit: number },
  ): Promise<{ rows: FigureView[]; total: number }> {
    const where = ['f.organisation_id = $1'];
    const params: unknown[] = [organisationId];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.ids) add('f.id = ANY(?::uuid[])', filter.ids);
    if (filter.orgUnits) add('u.code = ANY(?::varchar[])', filter.orgUnits);
    if (filter.orgUnitIds) add('f.org_unit_id = ANY(?::uuid[])', filter.orgUnitIds);
    if (filter.services) add('s.code = ANY(?::varchar[])', filter.services);
    if (filter.metrics) add('m.code = ANY(?::varchar[])', filter.metrics);
    if (filter.periods) add('f.period = ANY(?::varchar[])', filter.periods);
    if (filter.periodFrom) add('f.period >= ?', filter.periodFrom);
    if (filter.periodTo) add('f.period <= ?', filter.periodTo);
    if (filter.status) add('f.status = ANY(?::varchar[])', filter.status);
    if (filter.source) add('f.source = ANY(?::varchar[])', filter.source);
    const whereSql = where.join(' AND ');
    const [{ total }] = (await em.query(
      `SELECT count(*)::int AS total FROM figure f JOIN org_unit u ON u.id = f.org_unit_id JOIN service s ON s.id = f.service_id JOIN metric m ON m.id = f.metric_id WHERE ${whereSql}`,
      params,
    )) as { total: number }[];
    const rows = (await em.query(
      `${VIEW} WHERE ${whereSql} ORDER BY ${SORT_SQL[page.sort.field]} ${page.sort.order}, f.id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params,
    )) as FigureView[];
    return { rows, total };
  }

  /** The resolved key of one figure, for an edit. */
  async findResolved(em: EntityManager, organisationId: string, id: string): Promise<(ResolvedFigure & { id: string }) | null> {
    const rows = (await em.query(
      `SELECT f.id, f.org_unit_id AS "orgUnitId", f.service_id AS "serviceId", f.metric_id AS "metricId", u.code AS "orgUnit", s.code AS service, m.code AS metric,
              f.period, f.value::text AS value, f.comment
         FROM figure f JOIN org_unit u ON u.id = f.org_unit_id JOIN service s ON s.id = f.service_id JOIN metric m ON m.id = f.metric_id
        WHERE f.organisation_id = $1 AND f.id = $2`,
      [organisationId, id],
    )) as (ResolvedFigure & { id: string })[];
    return rows[0] ?? null;
  }

  /** Sets the workflow status of the figures of some leaf units and one period (submit, approve, reopen). */
  async setStatus(em: EntityManager, organisationId: string, orgUnitIds: readonly string[], period: string, status: FigureStatus): Promise<number> {
    const [, count] = (await em.query(
      `UPDATE figure SET status = $4, updated_at = now() WHERE organisation_id = $1 AND org_unit_id = ANY($2::uuid[]) AND period = $3 AND status <> $4`,
      [organisationId, orgUnitIds, period, status],
    )) as [unknown[], number];
    return count;
  }

  /** Entered figures per (unit, service, metric, period) among the given units and periods, for completeness. */
  async enteredKeys(
    em: EntityManager,
    organisationId: string,
    orgUnitIds: readonly string[],
    periods: readonly string[],
  ): Promise<{ orgUnitId: string; serviceId: string; metric: string; period: string }[]> {
    return em.query(
      `SELECT f.org_unit_id AS "orgUnitId", f.service_id AS "serviceId", m.code AS metric, f.period
         FROM figure f JOIN metric m ON m.id = f.metric_id
        WHERE f.organisation_id = $1 AND f.org_unit_id = ANY($2::uuid[]) AND f.period = ANY($3::varchar[])`,
      [organisationId, orgUnitIds, periods],
    );
  }
}
