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
    // one after the other: both run on the transaction's one connection (pg refuses overlapping queries from pg 9)
    const [{ pairs }] = (await em.query(`SELECT count(*)::int AS pairs FROM (${expected}) e`, [organisationId, leafIds])) as { pairs: number }[];
    const codes = (await em.query(
      // per (leaf, period code) first, then per code: the period type of a code is read once per group, not per key
      `WITH expected AS MATERIALIZED (${expected}),
              leaf_granularities AS (
                SELECT c.org_unit_id AS leaf, c.period, e.granularity, count(e.leaf) AS n
                  FROM figure_coverage c
                  LEFT JOIN expected e ON e.leaf = c.org_unit_id AND e.service = c.service_id
                 WHERE c.organisation_id = $1 AND c.org_unit_id = ANY($2::uuid[])
                 GROUP BY c.org_unit_id, c.period, e.granularity),
              leaf_periods AS (
                SELECT leaf, period,
                       coalesce(sum(n) FILTER (WHERE granularity = CASE WHEN period ~ '^\\d{4}-\\d{2}$' THEN 'month'
                                                                       WHEN period ~ '^\\d{4}-Q[1-4]$' THEN 'quarter'
                                                                       WHEN period ~ '^\\d{4}$' THEN 'year' END), 0) AS expected_entered
                  FROM leaf_granularities GROUP BY leaf, period)
         SELECT p.period, count(*)::int AS leaves,
                count(*) FILTER (WHERE s.status = 'approved')::int AS approved,
                count(*) FILTER (WHERE s.status IN ('approved', 'submitted'))::int AS submitted,
                sum(p.expected_entered)::int AS "expectedEntered"
           FROM leaf_periods p
           LEFT JOIN period_status s ON s.organisation_id = $1 AND s.org_unit_id = p.leaf AND s.period = p.period
          GROUP BY p.period`,
      [organisationId, leafIds],
    )) as PeriodCoverage[];
    return { expectedPairs: pairs, codes };
  }
}
