import { Injectable } from '@nestjs/common';
import { SqlWhere } from '../platform/database/sql-where';
import { EntityManager } from 'typeorm';
import type { FigureStatus } from './figure.entity';
import { periodsByUnit } from './unit-periods';
import type { Page, PageRequest } from '../platform/database/page';

export interface PeriodStatusView {
  id: string;
  orgUnitId: string;
  orgUnit: string;
  period: string;
  status: FigureStatus;
  reason: string | null;
  updatedBy: string | null;
  updatedByName: string | null;
  submittedBy: string | null;
  submittedByName: string | null;
  updatedAt: Date;
}

export interface PeriodStatusFilter {
  ids?: string[];
  orgUnits?: string[];
  /** The caller's visible units (ids); absent for an organisation-wide caller. */
  orgUnitIds?: string[];
  periods?: string[];
  status?: string[];
}
export type PeriodSortField = 'period' | 'orgUnit' | 'status' | 'updatedAt';
const SORT_SQL: Record<PeriodSortField, string> = { period: 'p.period', orgUnit: 'u.code', status: 'p.status', updatedAt: 'p.updated_at' };

const VIEW = `SELECT p.id, p.org_unit_id AS "orgUnitId", u.code AS "orgUnit", p.period, p.status, p.reason, p.updated_by AS "updatedBy", p.updated_at AS "updatedAt",
                     p.submitted_by AS "submittedBy",
                     (SELECT a.display_name FROM app_user a WHERE a.id = p.updated_by) AS "updatedByName",
                     (SELECT a.display_name FROM app_user a WHERE a.id = p.submitted_by) AS "submittedByName"
                FROM period_status p JOIN org_unit u ON u.id = p.org_unit_id`;

/** Workflow state of (leaf unit, period): draft → submitted → approved (locked); reopened with a reason. */
@Injectable()
export class PeriodStatusRepository {
  /**
   * The (unit id, period) pairs among `keys` that are approved, as `unitId|period`. With `lock`, the rows read are
   * locked FOR SHARE until the end of the transaction, so the period cannot be approved under a running apply.
   */
  async approved(em: EntityManager, organisationId: string, keys: readonly { orgUnitId: string; period: string }[], lock = false): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const unique = [...periodsByUnit(keys)].flatMap(([orgUnitId, periods]) => [...periods].map((period) => ({ orgUnitId, period })));
    const rows = (await em.query(
      `SELECT p.org_unit_id AS "orgUnitId", p.period, p.status
         FROM period_status p
         JOIN unnest($2::uuid[], $3::varchar[]) AS k(org_unit_id, period) ON k.org_unit_id = p.org_unit_id AND k.period = p.period
        WHERE p.organisation_id = $1
        ${lock ? 'FOR SHARE OF p' : ''}`,
      [organisationId, unique.map((k) => k.orgUnitId), unique.map((k) => k.period)],
    )) as { orgUnitId: string; period: string; status: FigureStatus }[];
    return new Set(rows.filter((r) => r.status === 'approved').map((r) => `${r.orgUnitId}|${r.period}`));
  }

  /** Current rows of some units for one period, locked for update. */
  async lockRows(em: EntityManager, organisationId: string, orgUnitIds: readonly string[], period: string): Promise<Map<string, FigureStatus>> {
    return new Map([...(await this.lockRowsWithSubmitter(em, organisationId, orgUnitIds, period))].map(([id, r]) => [id, r.status]));
  }

  /** Current rows of some units for one period, locked for update, with who submitted each (four-eyes rule). */
  async lockRowsWithSubmitter(
    em: EntityManager,
    organisationId: string,
    orgUnitIds: readonly string[],
    period: string,
  ): Promise<Map<string, { status: FigureStatus; submittedBy: string | null }>> {
    const rows = (await em.query(
      `SELECT org_unit_id AS "orgUnitId", status, submitted_by AS "submittedBy" FROM period_status
        WHERE organisation_id = $1 AND org_unit_id = ANY($2::uuid[]) AND period = $3 FOR UPDATE`,
      [organisationId, orgUnitIds, period],
    )) as { orgUnitId: string; status: FigureStatus; submittedBy: string | null }[];
    return new Map(rows.map((r) => [r.orgUnitId, { status: r.status, submittedBy: r.submittedBy }]));
  }

  async setSubmitter(em: EntityManager, organisationId: string, orgUnitIds: readonly string[], period: string, userId: string): Promise<void> {
    await em.query(`UPDATE period_status SET submitted_by = $4 WHERE organisation_id = $1 AND org_unit_id = ANY($2::uuid[]) AND period = $3`, [
      organisationId,
      orgUnitIds,
      period,
      userId,
    ]);
  }

  /** Whether approvals need someone other than the submitter: on unless an admin turned it off (approval_setting). */
  async fourEyes(em: EntityManager, organisationId: string): Promise<boolean> {
    const rows = (await em.query(`SELECT four_eyes AS "fourEyes" FROM approval_setting WHERE organisation_id = $1`, [organisationId])) as {
      fourEyes: boolean;
    }[];
    return rows[0]?.fourEyes ?? true;
  }

  async upsert(
    em: EntityManager,
    organisationId: string,
    orgUnitIds: readonly string[],
    period: string,
    status: FigureStatus,
    reason: string | null,
    userId: string,
  ): Promise<void> {
    await em.query(
      `INSERT INTO period_status (organisation_id, org_unit_id, period, status, reason, updated_by, updated_at)
       SELECT $1, u, $3, $4, $5, $6, now() FROM unnest($2::uuid[]) AS u
       ON CONFLICT (org_unit_id, period) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [organisationId, orgUnitIds, period, status, reason, userId],
    );
  }

  async list(em: EntityManager, organisationId: string, filter: PeriodStatusFilter, page: PageRequest<PeriodSortField>): Promise<Page<PeriodStatusView>> {
    const where = new SqlWhere('p.organisation_id = $1', organisationId);
    if (filter.ids) where.add('p.id = ANY(?::uuid[])', filter.ids);
    if (filter.orgUnits) where.add('u.code = ANY(?::varchar[])', filter.orgUnits);
    if (filter.orgUnitIds) where.add('p.org_unit_id = ANY(?::uuid[])', filter.orgUnitIds);
    if (filter.periods) where.add('p.period = ANY(?::varchar[])', filter.periods);
    if (filter.status) where.add('p.status = ANY(?::varchar[])', filter.status);
    const whereSql = where.sql;
    const { params } = where;
    const [{ total }] = (await em.query(
      `SELECT count(*)::int AS total FROM period_status p JOIN org_unit u ON u.id = p.org_unit_id WHERE ${whereSql}`,
      params,
    )) as {
      total: number;
    }[];
    const rows = (await em.query(
      `${VIEW} WHERE ${whereSql} ORDER BY ${SORT_SQL[page.sort.field]} ${page.sort.order}, p.id LIMIT ${page.limit} OFFSET ${page.offset}`,
      params,
    )) as PeriodStatusView[];
    return { rows, total };
  }
}
