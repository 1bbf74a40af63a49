import { Injectable } from '@nestjs/common';
import { SqlWhere } from '../platform/database/sql-where';
import { EntityManager } from 'typeorm';

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

/** Reads of the audit log; rows are only ever inserted (AuditWriter), never updated. */
@Injectable()
export class AuditLogRepository {
  async list(
    em: EntityManager,
    organisationId: string,
    filter: AuditLogFilter,
    page: { sort: { field: AuditSortField; order: 'ASC' | 'DESC' }; offset: number; limit: number },
  ): Promise<{ rows: AuditLogRow[]; total: number }> {
    const where = new SqlWhere('a.organisation_id = $1', organisationId);
    if (filter.ids) where.add('a.id = ANY(?::bigint[])', filter.ids);
    if (filter.entity) where.add('a.entity = ?', filter.entity);
    if (filter.entityId) where.add('a.entity_id = ?', filter.entityId);
    if (filter.action) where.add('a.action = ?', filter.action);
    if (filter.actorId) where.add('a.actor_id = ?::uuid', filter.actorId);
    if (filter.submissionId) where.add('a.submission_id = ?::uuid', filter.submissionId);
    if (filter.from) where.add('a.at >= ?::timestamptz', filter.from);
    if (filter.to) where.add('a.at < ?::timestamptz', filter.to);
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
    const whereSql = where.sql;
    const { params } = where;
    const [{ total }] = (await em.query(`SELECT count(*)::int AS total FROM audit_log a WHERE ${whereSql}`, params)) as { total: number }[];
    const rows = (await em.query(
      `SELECT a.id::text AS id, a.at, a.actor_id AS "actorId", u.email AS "actorEmail", u.display_name AS "actorName", a.action, a.entity, a.entity_id AS "entityId",
              a.before, a.after, a.reason, a.submission_id AS "submissionId", a.request_id AS "requestId"
         FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
        WHERE ${whereSql}
        ORDER BY ${SORT_SQL[page.sort.field]} ${page.sort.order}, a.id ${page.sort.order}
        LIMIT ${page.limit} OFFSET ${page.offset}`,
      params,
    )) as AuditLogRow[];
    return { rows, total };
  }
}
