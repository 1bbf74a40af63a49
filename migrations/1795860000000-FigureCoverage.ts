import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('levier.organisation_id', true), '')::uuid`;

/**
 * Which (unit, service, period) hold at least one figure, kept beside `figure` (issue 17: the dashboard under load).
 * The months of a scope (data, completeness, approval) and the « pas de données » points of a series read it: a
 * `SELECT DISTINCT … FROM figure` over the leaves of a département scanned every figure of the organisation (2.9 M at
 * scale M, 6–8 s per request; the 50-client dashboard's p95 went from 58 ms to 19 s). This table holds one row per
 * distinct key (≈ 1 per 20 figures) and is written in the figure's own statement, so it is exact at every commit:
 * - after each INSERT statement on `figure`, its new distinct keys (`ON CONFLICT DO NOTHING`);
 * - after each DELETE or UPDATE statement, the keys the old rows had are removed when no figure holds them any more
 *   (figures are not deleted by the product; tests, corrections by hand and an organisation's deletion do);
 * - an organisation's deletion cascades.
 * The trigger function is SECURITY DEFINER (the rows are written whatever the row-level security); reads go through
 * the tenant's policy.
 */
export class FigureCoverage1795860000000 implements MigrationInterface {
  name = 'FigureCoverage1795860000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "figure_coverage" (
      "organisation_id" uuid NOT NULL,
      "org_unit_id" uuid NOT NULL,
      "service_id" uuid NOT NULL,
      "period" character varying(7) NOT NULL,
      CONSTRAINT "PK_figure_coverage" PRIMARY KEY ("organisation_id", "org_unit_id", "service_id", "period"),
      CONSTRAINT "FK_figure_coverage_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE
    )`);
    await q.query(`ALTER TABLE "figure_coverage" ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON "figure_coverage" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    await q.query(`GRANT SELECT ON "figure_coverage" TO levier_app`);
    await q.query(`
      CREATE FUNCTION levier_figure_coverage_add() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        INSERT INTO figure_coverage (organisation_id, org_unit_id, service_id, period)
        SELECT DISTINCT n.organisation_id, n.org_unit_id, n.service_id, n.period FROM new_rows n
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END
      $fn$`);
    // the keys old_rows had that no figure holds any more; on UPDATE only the keys the statement moved (a value or status edit moves none)
    await q.query(`
      CREATE FUNCTION levier_figure_coverage_remove() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          INSERT INTO figure_coverage (organisation_id, org_unit_id, service_id, period)
            SELECT n.organisation_id, n.org_unit_id, n.service_id, n.period FROM new_rows n
            EXCEPT SELECT o.organisation_id, o.org_unit_id, o.service_id, o.period FROM old_rows o
          ON CONFLICT DO NOTHING;
          DELETE FROM figure_coverage c
           USING (SELECT o.organisation_id, o.org_unit_id, o.service_id, o.period FROM old_rows o
                  EXCEPT SELECT n.organisation_id, n.org_unit_id, n.service_id, n.period FROM new_rows n) k
           WHERE c.organisation_id = k.organisation_id AND c.org_unit_id = k.org_unit_id AND c.service_id = k.service_id AND c.period = k.period
             AND NOT EXISTS (SELECT 1 FROM figure f WHERE f.organisation_id = k.organisation_id AND f.org_unit_id = k.org_unit_id
                               AND f.service_id = k.service_id AND f.period = k.period);
        ELSE
          DELETE FROM figure_coverage c
           USING (SELECT DISTINCT o.organisation_id, o.org_unit_id, o.service_id, o.period FROM old_rows o) k
           WHERE c.organisation_id = k.organisation_id AND c.org_unit_id = k.org_unit_id AND c.service_id = k.service_id AND c.period = k.period
             AND NOT EXISTS (SELECT 1 FROM figure f WHERE f.organisation_id = k.organisation_id AND f.org_unit_id = k.org_unit_id
                               AND f.service_id = k.service_id AND f.period = k.period);
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await q.query(
      `CREATE TRIGGER figure_coverage_insert AFTER INSERT ON "figure" REFERENCING NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION levier_figure_coverage_add()`,
    );
    await q.query(
      `CREATE TRIGGER figure_coverage_update AFTER UPDATE ON "figure"
         REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION levier_figure_coverage_remove()`,
    );
    await q.query(
      `CREATE TRIGGER figure_coverage_delete AFTER DELETE ON "figure" REFERENCING OLD TABLE AS old_rows
         FOR EACH STATEMENT EXECUTE FUNCTION levier_figure_coverage_remove()`,
    );
    await q.query(
      `INSERT INTO "figure_coverage" ("organisation_id", "org_unit_id", "service_id", "period")
       SELECT DISTINCT "organisation_id", "org_unit_id", "service_id", "period" FROM "figure"`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER figure_coverage_delete ON "figure"`);
    await q.query(`DROP TRIGGER figure_coverage_update ON "figure"`);
    await q.query(`DROP TRIGGER figure_coverage_insert ON "figure"`);
    await q.query(`DROP FUNCTION levier_figure_coverage_remove()`);
    await q.query(`DROP FUNCTION levier_figure_coverage_add()`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON "figure_coverage"`);
    await q.query(`DROP TABLE "figure_coverage"`);
  }
}
