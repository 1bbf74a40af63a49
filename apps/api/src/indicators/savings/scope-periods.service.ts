import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { leavesUnder } from '../../catalogue/org-tree';
import { TenantDb } from '../../platform/database/tenant-db';
import type { AuthUser } from '../../tenancy/auth-user';
import { visibleUnitIds } from '../../tenancy/unit-scope';
import { lastCompletePeriod, PeriodGranularity, ScopePeriods, scopePeriods } from './scope-periods';

export interface ScopePeriodsAnswer extends ScopePeriods {
  orgUnit: string;
  orgUnitName: string;
  lastCompleteQuarter: string | null;
  lastCompleteYear: string | null;
}

/**
 * Months of a scope (data, completeness, approval) and its default range, for the dashboard's first screen and for the
 * period a report covers. Reads figures and period states of the leaves under the unit, within the caller's rights.
 */
@Injectable()
export class ScopePeriodsService {
  constructor(private readonly tenantDb: TenantDb) {}

  overview(user: AuthUser, orgUnit: string | undefined): Promise<ScopePeriodsAnswer> {
    return this.tenantDb.run(user.organisationId, (em) => this.read(em, user, orgUnit));
  }

  async read(em: EntityManager, user: AuthUser, orgUnit: string | undefined): Promise<ScopePeriodsAnswer> {
    const units: { id: string; code: string; name: string; parentId: string | null }[] = await em.query(
      `SELECT id, code, name, parent_id AS "parentId" FROM org_unit WHERE organisation_id = $1`,
      [user.organisationId],
    );
    const visible = visibleUnitIds(user, units);
    const unit =
      orgUnit === undefined || orgUnit === ''
        ? (units.find((u) => u.parentId === null && visible.has(u.id)) ?? units.find((u) => visible.has(u.id)))
        : units.find((u) => u.code === orgUnit);
    if (!unit || !visible.has(unit.id)) throw new NotFoundException(`Unité « ${orgUnit ?? ''} » introuvable.`);
    const leafIds = leavesUnder(units, unit.id).map((u) => u.id);
    const [expected, entered, statuses] = await Promise.all([
      em.query(
        `SELECT l.org_unit_id AS "leafId", s.id AS "serviceId", s.granularity FROM service s JOIN service_org_unit l ON l.service_id = s.id
          WHERE s.organisation_id = $1 AND l.org_unit_id = ANY($2::uuid[])`,
        [user.organisationId, leafIds],
      ) as Promise<{ leafId: string; serviceId: string; granularity: PeriodGranularity }[]>,
      em.query(
        `SELECT DISTINCT org_unit_id AS "leafId", service_id AS "serviceId", period FROM figure WHERE organisation_id = $1 AND org_unit_id = ANY($2::uuid[])`,
        [user.organisationId, leafIds],
      ) as Promise<{ leafId: string; serviceId: string; period: string }[]>,
      em.query(`SELECT org_unit_id AS "leafId", period, status FROM period_status WHERE organisation_id = $1 AND org_unit_id = ANY($2::uuid[])`, [
        user.organisationId,
        leafIds,
      ]) as Promise<{ leafId: string; period: string; status: string }[]>,
    ]);
    const overview = scopePeriods({ expected, entered, statuses: new Map(statuses.map((s) => [`${s.leafId}|${s.period}`, s.status])) });
    return {
      orgUnit: unit.code,
      orgUnitName: unit.name,
      ...overview,
      lastCompleteQuarter: lastCompletePeriod(overview.months, 'quarter'),
      lastCompleteYear: lastCompletePeriod(overview.months, 'year'),
    };
  }
}
