import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { leavesUnder } from '../../catalogue/org-tree';
import { TenantDb } from '../../platform/database/tenant-db';
import type { AuthUser } from '../../tenancy/auth-user';
import { visibleUnitIds } from '../../tenancy/unit-scope';
import { ReadModelCache } from './read-model-cache';
import { lastCompletePeriod, ScopeCoverage, ScopePeriods, scopePeriods } from './scope-periods';
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
    private readonly cache: ReadModelCache,
    private readonly repository: ScopePeriodsRepository = new ScopePeriodsRepository(),
  ) {}

  overview(user: AuthUser, orgUnit: string | undefined): Promise<ScopePeriodsAnswer> {
    return this.tenantDb.run(user.organisationId, (em) => this.read(em, user, orgUnit));
  }

  /**
   * The same, with the unit's coverage kept in the dashboard's read cache (dropped when a recompute commits, as every
   * figure write and period status change asks one): a series asks it for each range of the same unit.
   */
  readCached(em: EntityManager, user: AuthUser, orgUnit: string | undefined): Promise<ScopePeriodsAnswer> {
    return this.read(em, user, orgUnit, (unitId, compute) => this.cache.getOrCompute(user.organisationId, `scope-coverage|${unitId}`, compute));
  }

  async read(
    em: EntityManager,
    user: AuthUser,
    orgUnit: string | undefined,
    keep: (unitId: string, compute: () => Promise<ScopeCoverage>) => Promise<ScopeCoverage> = (_, compute) => compute(),
  ): Promise<ScopePeriodsAnswer> {
    const units = await this.repository.orgUnits(em, user.organisationId);
    const visible = visibleUnitIds(user, units);
    const unit =
      orgUnit === undefined || orgUnit === ''
        ? (units.find((u) => u.parentId === null && visible.has(u.id)) ?? units.find((u) => visible.has(u.id)))
        : units.find((u) => u.code === orgUnit);
    if (!unit || !visible.has(unit.id)) throw new NotFoundException(`Unité « ${orgUnit ?? ''} » introuvable.`);
    const leafIds = leavesUnder(units, unit.id).map((u) => u.id);
    const overview = scopePeriods(await keep(unit.id, () => this.repository.coverage(em, user.organisationId, leafIds)));
    return {
      orgUnit: unit.code,
      orgUnitName: unit.name,
      ...overview,
      lastCompleteQuarter: lastCompletePeriod(overview.months, 'quarter'),
      lastCompleteYear: lastCompletePeriod(overview.months, 'year'),
    };
  }
}
