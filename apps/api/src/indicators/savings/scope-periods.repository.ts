import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PeriodCoverage, ScopeCoverage } from './scope-periods';

/**
 * Queries of ScopePeriodsService (the months of a scope: data, completeness, approval). The figures' keys come from
 * `figure_coverage`, kept by `figure`'s own statements (migration FigureCoverage), never from a scan of the figures,
 * and are summed per period code in the database (scope-periods.ts `coverageOf` is the same definition in code): a
 * département's months come back as a hundred rows, not its 360 000 (unit, service, period) keys at scale M, which
 * took the API's event loop for seconds.
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

  async coverage(em: EntityManager, organisationId: string, leafIds: readonly string[]): Promise<ScopeCoverage> {
    const expected = `SELECT l.org_unit_id AS leaf, s.id AS service, s.granularity FROM service s JOIN service_org_unit l ON l.service_id = s.id
                       WHERE s.organisation_id = $1 AND l.org_unit_id = ANY($2::uuid[])`;
    const [[{ pairs }], codes] = await Promise.all([
      em.query(`SELECT count(*)::int AS pairs FROM (${expected}) e`, [organisationId, leafIds]) as Promise<{ pairs: number }[]>,
      em.query(
        `WITH expected AS (${expected}),
              entered AS (SELECT org_unit_id AS leaf, service_id AS service, period FROM figure_coverage
                           WHERE organisation_id = $1 AND org_unit_id = ANY($2::uuid[])),
              expected_entered AS (
                SELECT c.period, count(*)::int AS n FROM entered c
                  JOIN expected e ON e.leaf = c.leaf AND e.service = c.service
                   AND e.granularity = CASE WHEN c.period ~ '^\\d{4}-\\d{2}$' THEN 'month' WHEN c.period ~ '^\\d{4}-Q[1-4]$' THEN 'quarter'
                                            WHEN c.period ~ '^\\d{4}$' THEN 'year' END
                 GROUP BY c.period),
              leaf_periods AS (SELECT DISTINCT leaf, period FROM entered)
         SELECT p.period, count(*)::int AS leaves,
                count(*) FILTER (WHERE s.status = 'approved')::int AS approved,
                count(*) FILTER (WHERE s.status IN ('approved', 'submitted'))::int AS submitted,
                coalesce(max(x.n), 0)::int AS "expectedEntered"
           FROM leaf_periods p
           LEFT JOIN period_status s ON s.organisation_id = $1 AND s.org_unit_id = p.leaf AND s.period = p.period
           LEFT JOIN expected_entered x ON x.period = p.period
          GROUP BY p.period`,
        [organisationId, leafIds],
      ) as Promise<PeriodCoverage[]>,
    ]);
    return { expectedPairs: pairs, codes };
  }
}
