import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PeriodGranularity } from './scope-periods';

/** What a scope's months are made of, for some leaves: the services expected there, the figures entered, the period states. */
export interface ScopePeriodRows {
  expected: { leafId: string; serviceId: string; granularity: PeriodGranularity }[];
  entered: { leafId: string; serviceId: string; period: string }[];
  statuses: { leafId: string; period: string; status: string }[];
}

/**
 * Queries of ScopePeriodsService (the months of a scope: data, completeness, approval). The entered keys come from
 * `figure_coverage`, kept by `figure`'s own statements (migration FigureCoverage), never from a scan of the figures.
 */
@Injectable()
export class ScopePeriodsRepository {
  async orgUnits(em: EntityManager, organisationId: string): Promise<{ id: string; code: string; name: string; parentId: string | null }[]> {
    return (await em.query(`SELECT id, code, name, parent_id AS "parentId" FROM org_unit WHERE organisation_id = $1`, [organisationId])) as {
      id: string;
      code: string;
      name: string;
      parentId: string | null;
    }[];
  }

  async rows(em: EntityManager, organisationId: string, leafIds: readonly string[]): Promise<ScopePeriodRows> {
    const [expected, entered, statuses] = await Promise.all([
      em.query(
        `SELECT l.org_unit_id AS "leafId", s.id AS "serviceId", s.granularity FROM service s JOIN service_org_unit l ON l.service_id = s.id
          WHERE s.organisation_id = $1 AND l.org_unit_id = ANY($2::uuid[])`,
        [organisationId, leafIds],
      ) as Promise<ScopePeriodRows['expected']>,
      em.query(
        `SELECT org_unit_id AS "leafId", service_id AS "serviceId", period FROM figure_coverage WHERE organisation_id = $1 AND org_unit_id = ANY($2::uuid[])`,
        [organisationId, leafIds],
      ) as Promise<ScopePeriodRows['entered']>,
      em.query(`SELECT org_unit_id AS "leafId", period, status FROM period_status WHERE organisation_id = $1 AND org_unit_id = ANY($2::uuid[])`, [
        organisationId,
        leafIds,
      ]) as Promise<ScopePeriodRows['statuses']>,
    ]);
    return { expected, entered, statuses };
  }
}
