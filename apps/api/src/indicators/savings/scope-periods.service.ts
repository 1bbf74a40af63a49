import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { leavesUnder } from '../../catalogue/org-tree';
import { TenantDb } from '../../platform/database/tenant-db';
import type { AuthUser } from '../../tenancy/auth-user';
import { visibleUnitIds } from '../../tenancy/unit-scope';
import { lastCompletePeriod, ScopePeriods, scopePeriods } from './scope-periods';
import { ScopePeriodsRepository } from './scope-periods.repository';

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
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: ScopePeriodsRepository = new ScopePeriodsRepository(),
  ) {}

  overview(user: AuthUser, orgUnit: string | undefined): Promise<ScopePeriodsAnswer> {
    return this.tenantDb.run(user.organisationId, (em) => this.read(em, user, orgUnit));
  }

  async read(em: EntityManager, user: AuthUser, orgUnit: string | undefined): Promise<ScopePeriodsAnswer> {
    const units = await this.repository.orgUnits(em, user.organisationId);
    const visible = visibleUnitIds(user, units);
    const unit =
      orgUnit === undefined || orgUnit === ''
        ? (units.find((u) => u.parentId === null && visible.has(u.id)) ?? units.find((u) => visible.has(u.id)))
        : units.find((u) => u.code === orgUnit);
    if (!unit || !visible.has(unit.id)) throw new NotFoundException(`Unité « ${orgUnit ?? ''} » introuvable.`);
    const leafIds = leavesUnder(units, unit.id).map((u) => u.id);
    const overview = scopePeriods(await this.repository.coverage(em, user.organisationId, leafIds));
    return {
      orgUnit: unit.code,
      orgUnitName: unit.name,
      ...overview,
      lastCompleteQuarter: lastCompletePeriod(overview.months, 'quarter'),
      lastCompleteYear: lastCompletePeriod(overview.months, 'year'),
    };
  }
}
