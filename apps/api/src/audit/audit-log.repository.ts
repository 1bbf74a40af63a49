import { Injectable } from '@nestjs/common';
import { SqlWhere } from '../platform/database/sql-where';
import { EntityManager } from 'typeorm';
import { FIGURE_BATCH, figureAuditEntries } from './figure-audit';
import type { Page, PageRequest } from '../platform/database/page';

export interface AuditLogRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  submissionId: string | null;
  requestId: string | null;
}

export interface AuditLogFilter {
  ids?: string[];
  entity?: string;
  entityId?: string;
  action?: string;
  actorId?: string;
  submissionId?: string;
  from?: string;
  to?: string;
  /** An org unit code: the entries about it or any unit under it (`orgUnit` of the entry's after/before snapshot). */
  orgUnit?: string;
  /** A period code (`2024-03`, `2024-Q1`): the entries about that period. */
  period?: string;
}

export type AuditSortField = 'at' | 'action' | 'entity';
const SORT_SQL: Record<AuditSortField, string> = { at: 'a.at', action: 'a.action', entity: 'a.entity' };
/** The sort of an audit row, a figure batch row sorting as its entries (entity `figure`). */
const RAW_SORT_SQL: Record<AuditSortField, string> = {
  at: 'a.at',
  action: 'a.action',
  entity: `(CASE WHEN a.entity = '${FIGURE_BATCH}' THEN 'figure' ELSE a.entity END)`,
};

/**
 * Reads of the audit log; rows are only ever inserted (platform/audit's AuditedTenantWriter, FigureWriter), never updated. One entry per change:
 * a figure batch row (creations of an import chunk) lists as one entry per figure created (audit/figure-audit.ts).
 */
@Injectable()
export class AuditLogRepository {
  async list(em: EntityManager, organisationId: string, filter: AuditLogFilter, page: PageRequest<AuditSortField>): Promise<Page<AuditLogRow>> {
    const perEntry = filter.ids !== undefined || filter.entityId !== undefined || filter.orgUnit !== undefined || filter.period !== undefined;
    return perEntry ? this.listEntries(em, organisationId, filter, page) : this.listByRows(em, organisationId, filter, page);
  }

  /**
   * Filters that only look at the audit row (who, when, what, which submission): the page is found on the rows, a batch
   * row counting for its `count` entries, and only the rows of the page are opened into entries.
   */
  private async listByRows(em: EntityManager, organisationId: string, filter: AuditLogFilter, page: PageRequest<AuditSortField>): Promise<Page<AuditLogRow>> {
    const where = new SqlWhere('a.organisation_id = $1', organisationId);
    if (filter.entity) where.add('a.entity = ANY(?::text[])', filter.entity === 'figure' ? ['figure', FIGURE_BATCH] : [filter.entity]);
    addRowFilters(where, filter);
    const order = page.sort.order;
    const counted = `SELECT a.id, a.at, a.action, a.entity, CASE WHEN a.entity = '${FIGURE_BATCH}' THEN (a.before->>'count')::int ELSE 1 END AS n FROM audit_log a WHERE ${where.sql}`;
    const [{ total }] = (await em.query(`SELECT coalesce(sum(n), 0)::int AS total FROM (${counted}) c`, where.params)) as { total: number }[];
    if (total === 0 || page.offset >= total) return { rows: [], total };
    const end = page.offset + page.limit;
    const windows = (await em.query(
      `SELECT id::text AS id, start::int AS start FROM (
         SELECT a.id, a.n, sum(a.n) OVER (ORDER BY ${RAW_SORT_SQL[page.sort.field]} ${order}, a.id ${order} ROWS UNBOUNDED PRECEDING) - a.n AS start
           FROM (${counted}) a) w
        WHERE start < ${end} AND start + n > ${page.offset}
        ORDER BY start`,
      where.params,
    )) as { id: string; start: number }[];
    if (windows.length === 0) return { rows: [], total };
    const entries = (await em.query(
      `${ENTRY_SELECT} FROM (${figureAuditEntries({ organisation: '$1', rowIds: '$2::bigint[]', withKeys: true })}) a
         LEFT JOIN app_user u ON u.id = a.actor_id
        ORDER BY ${SORT_SQL[page.sort.field]} ${order}, a.seq ${order}, a.ord ${order}`,
      [organisationId, windows.map((w) => w.id)],
    )) as AuditLogRow[];
    const skip = page.offset - windows[0].start;
    return { rows: entries.slice(skip, skip + page.limit), total };
  }

  /** Filters on an entry's own fields (its id, the figure, its unit or period): batch rows are opened before filtering. */
  private async listEntries(em: EntityManager, organisationId: string, filter: AuditLogFilter, page: PageRequest<AuditSortField>): Promise<Page<AuditLogRow>> {
    const where = new SqlWhere('a.organisation_id = $1', organisationId);
    // $2: the figure asked for, which also narrows the batch rows to those whose id range holds it (an index probe)
    if (filter.entityId) where.add('a.entity_id = ?', UUID.test(filter.entityId) ? filter.entityId.toLowerCase() : filter.entityId);
    if (filter.ids) where.add('a.id = ANY(?::text[])', filter.ids);
    if (filter.entity) where.add('a.entity = ?', filter.entity);
    addRowFilters(where, filter);
    if (filter.orgUnit) {
      where.add(
        `COALESCE(a.after->>'orgUnit', a.before->>'orgUnit') IN (
           WITH RECURSIVE sub AS (SELECT id, code FROM org_unit WHERE organisation_id = a.organisation_id AND code = ?
                                  UNION ALL SELECT c.id, c.code FROM org_unit c JOIN sub ON c.parent_id = sub.id)
           SELECT code FROM sub)`,
        filter.orgUnit,
      );
    }
    if (filter.period) where.add(`COALESCE(a.after->>'period', a.before->>'period') = ?`, filter.period);
    const params = [...where.params];
    // an entry's id is its row's id, with `.<position>` in a batch: only those rows are opened
    if (filter.ids) params.push(filter.ids.map((id) => id.split('.')[0]));
    const batchSource = `(${figureAuditEntries({
      organisation: '$1',
      figureId: filter.entityId ? '$2::text' : undefined,
      rowIds: filter.ids ? `$${params.length}::bigint[]` : undefined,
      withKeys: true,
    })}) a`;
    const [{ total }] = (await em.query(`SELECT count(*)::int AS total FROM ${batchSource} WHERE ${where.sql}`, params)) as { total: number }[];
    const rows = (await em.query(
      `${ENTRY_SELECT} FROM ${batchSource}
         LEFT JOIN app_user u ON u.id = a.actor_id
        WHERE ${where.sql}
        ORDER BY ${SORT_SQL[page.sort.field]} ${page.sort.order}, a.seq ${page.sort.order}, a.ord ${page.sort.order}
        LIMIT ${page.limit} OFFSET ${page.offset}`,
      params,
    )) as AuditLogRow[];
    return { rows, total };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ENTRY_SELECT = `SELECT a.id, a.at, a.actor_id AS "actorId", u.email AS "actorEmail", u.display_name AS "actorName", a.action, a.entity,
                             a.entity_id AS "entityId", a.before, a.after, a.reason, a.submission_id AS "submissionId", a.request_id AS "requestId"`;

/** The filters an audit row answers for all its entries. */
const addRowFilters = (where: SqlWhere, filter: AuditLogFilter): void => {
  if (filter.action) where.add('a.action = ?', filter.action);
  if (filter.actorId) where.add('a.actor_id = ?::uuid', filter.actorId);
  if (filter.submissionId) where.add('a.submission_id = ?::uuid', filter.submissionId);
  if (filter.from) where.add('a.at >= ?::timestamptz', filter.from);
  if (filter.to) where.add('a.at < ?::timestamptz', filter.to);
};
