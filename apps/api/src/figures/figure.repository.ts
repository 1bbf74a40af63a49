import { Injectable } from '@nestjs/common';
import { SqlWhere } from '../platform/database/sql-where';
import { EntityManager } from 'typeorm';
import type { FigureStatus, SubmissionSource } from './figure.entity';
import type { Page, PageRequest } from '../platform/database/page';

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
  /** Null for figures written outside any submission (the demo seed). */
  submissionId: string | null;
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
  orgUnitLabel: string;
  serviceLabel: string;
  metricLabel: string;
  metricUnit: string;
  /** Who last changed it (« modifié par »). */
  updatedByName: string | null;
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
                     f.comment, f.submission_id AS "submissionId", f.updated_by AS "updatedBy", f.updated_at AS "updatedAt",
                     u.name AS "orgUnitLabel", s.label AS "serviceLabel", m.label AS "metricLabel", m.unit AS "metricUnit",
                     (SELECT a.display_name FROM app_user a WHERE a.id = f.updated_by) AS "updatedByName"
                FROM figure f
                JOIN org_unit u ON u.id = f.org_unit_id
                JOIN service s ON s.id = f.service_id
                JOIN metric m ON m.id = f.metric_id`;

@Injectable()
export class FigureRepository {
  async findView(em: EntityManager, organisationId: string, id: string): Promise<FigureView | null> {
    const rows = (await em.query(`${VIEW} WHERE f.organisation_id = $1 AND f.id = $2`, [organisationId, id])) as FigureView[];
    return rows[0] ?? null;
  }

  async list(em: EntityManager, organisationId: string, filter: FigureFilter, page: PageRequest<FigureSortField>): Promise<Page<FigureView>> {
    const where = new SqlWhere('f.organisation_id = $1', organisationId);
    if (filter.ids) where.add('f.id = ANY(?::uuid[])', filter.ids);
    if (filter.orgUnits) where.add('u.code = ANY(?::varchar[])', filter.orgUnits);
    if (filter.orgUnitIds) where.add('f.org_unit_id = ANY(?::uuid[])', filter.orgUnitIds);
    if (filter.services) where.add('s.code = ANY(?::varchar[])', filter.services);
    if (filter.metrics) where.add('m.code = ANY(?::varchar[])', filter.metrics);
    if (filter.periods) where.add('f.period = ANY(?::varchar[])', filter.periods);
    if (filter.periodFrom) where.add('f.period >= ?', filter.periodFrom);
    if (filter.periodTo) where.add('f.period <= ?', filter.periodTo);
    if (filter.status) where.add('f.status = ANY(?::varchar[])', filter.status);
    if (filter.source) where.add('f.source = ANY(?::varchar[])', filter.source);
    const whereSql = where.sql;
    const { params } = where;
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

  /** Entered figures per (unit, service, metric, period) among the given units, periods and metrics, for completeness. */
  async enteredKeys(
    em: EntityManager,
    organisationId: string,
    orgUnitIds: readonly string[],
    periods: readonly string[],
    metrics: readonly string[],
  ): Promise<{ orgUnitId: string; serviceId: string; metric: string; period: string }[]> {
    return em.query(
      `SELECT f.org_unit_id AS "orgUnitId", f.service_id AS "serviceId", m.code AS metric, f.period
         FROM figure f JOIN metric m ON m.id = f.metric_id
        WHERE f.organisation_id = $1 AND f.org_unit_id = ANY($2::uuid[]) AND f.period = ANY($3::varchar[]) AND m.code = ANY($4::varchar[])`,
      [organisationId, orgUnitIds, periods, metrics],
    );
  }
}
