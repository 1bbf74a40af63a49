import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The body of `levier_stored_series`: every stored figure of some series (units, services, metrics) of one
 * organisation, each series an index probe of `figure`'s natural key (`LATERAL … OFFSET 0`: the subquery is neither
 * pulled up nor reordered, and the organisation, checked on the rows found outside it, is never pushed into it).
 */
export const STORED_SERIES_BODY = `SELECT f.id, f.org_unit_id, f.service_id, f.metric_id, f.period, f.value::text AS value, f.status, f.comment
  FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS s(org_unit_id, service_id, metric_id)
  CROSS JOIN LATERAL (SELECT g.id, g.organisation_id, g.org_unit_id, g.service_id, g.metric_id, g.period, g.value, g.status, g.comment
                        FROM figure g WHERE g.org_unit_id = s.org_unit_id AND g.service_id = s.service_id AND g.metric_id = s.metric_id
                      OFFSET 0) f
 WHERE f.organisation_id = $1
   AND $1 = coalesce(NULLIF(current_setting('levier.organisation_id', true), '')::uuid, $1)`;

/**
 * FigureWriter's read of a file's stored series, through a function that plans it without the planner's view of the
 * organisation's share of `figure` (issue 17: the import's stalls). Planned freely, as the tenant, the join depended
 * on it twice: the explicit `organisation_id = $1`, and the row-level security's `organisation_id = <tenant>`, whose
 * setting PostgreSQL evaluates when it estimates. An organisation importing its first files is in no most-common-values
 * list, so it is estimated at about one row, and PostgreSQL may walk its figures through (organisation_id, period) for
 * every series of the file: harmless while it has none, quadratic once its first files are in and not yet analysed
 * (test/integration/stored-series-plan.int-spec.ts shows both plans).
 *
 * SECURITY DEFINER (the tables' owner, no row-level security): the series are probed by their natural key only. The
 * tenant is kept by the function itself: rows of the organisation asked, which must be the transaction's tenant when
 * one is set (TenantDb sets it with the role levier_app, the only role granted EXECUTE besides the owner).
 */
export class StoredSeriesReadByKey1795900000002 implements MigrationInterface {
  name = 'StoredSeriesReadByKey1795900000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION levier_stored_series(uuid, uuid[], uuid[], uuid[])
        RETURNS TABLE (id uuid, org_unit_id uuid, service_id uuid, metric_id uuid, period varchar, value text, status varchar, comment varchar)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      ${STORED_SERIES_BODY}
      $fn$`);
    await q.query(`REVOKE ALL ON FUNCTION levier_stored_series(uuid, uuid[], uuid[], uuid[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION levier_stored_series(uuid, uuid[], uuid[], uuid[]) TO levier_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION levier_stored_series(uuid, uuid[], uuid[], uuid[])`);
  }
}
