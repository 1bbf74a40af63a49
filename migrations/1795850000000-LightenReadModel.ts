import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('levier.organisation_id', true), '')::uuid`;

/**
 * A lighter read model (issue 17, item 5). At scale M `indicator_value` weighed ≈ 3.8 KB per row for ≈ 1.1 KB of live
 * data: every recompute deleted and rewrote all the rows of its periods, even those whose values had not moved (an import
 * file of ten units rewrote the whole organisation's read model), and the dead rows stayed on disk. The recompute now
 * writes only the rows that changed (`INSERT … ON CONFLICT … DO UPDATE … WHERE … IS DISTINCT FROM`) and deletes those
 * that vanished. For that:
 * - the time of a recompute (`computed_at`) and of its data (`data_as_of`) move to `indicator_freshness`, one row per
 *   (organisation, period) written by each recompute of the period: the current rows keep them NULL, so an unchanged row
 *   is not rewritten just to carry a new time. Frozen « tel que publié » rows (`basis = 'reported'`) keep their own;
 * - the natural key `(org_unit_id, service_id, period, basis)` is unique with NULLS NOT DISTINCT, so the rows of all
 *   services together (`service_id` NULL) are protected too and can be upserted;
 * - the surrogate `id` (and its primary-key index), which nothing read, and the `(organisation_id)` index, which
 *   `(organisation_id, period)` already covers, are dropped.
 */
export class LightenReadModel1795850000000 implements MigrationInterface {
  name = 'LightenReadModel1795850000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "indicator_freshness" (
      "organisation_id" uuid NOT NULL,
      "period" character varying(7) NOT NULL,
      "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "data_as_of" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_indicator_freshness" PRIMARY KEY ("organisation_id", "period"),
      CONSTRAINT "FK_indicator_freshness_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE
    )`);
    await q.query(`ALTER TABLE "indicator_freshness" ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON "indicator_freshness" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "indicator_freshness" TO levier_app`);
    await q.query(
      `INSERT INTO "indicator_freshness" ("organisation_id", "period", "computed_at", "data_as_of")
       SELECT "organisation_id", "period", max("computed_at"), max("data_as_of") FROM "indicator_value" WHERE "basis" = 'current' GROUP BY 1, 2`,
    );
    await q.query(`ALTER TABLE "indicator_value" ALTER COLUMN "computed_at" DROP NOT NULL, ALTER COLUMN "data_as_of" DROP NOT NULL`);
    await q.query(`UPDATE "indicator_value" SET "computed_at" = NULL, "data_as_of" = NULL WHERE "basis" = 'current'`);
    await q.query(`ALTER TABLE "indicator_value" DROP CONSTRAINT "PK_ea77b6059a4a7f24be8e748d541"`);
    await q.query(`ALTER TABLE "indicator_value" DROP COLUMN "id"`);
    await q.query(`DROP INDEX "public"."IDX_ea1dfacd3613e5089b551a82b4"`);
    // rows of all services together were not covered by the old unique index (NULLs distinct): keep one of any twins
    await q.query(
      `DELETE FROM "indicator_value" a USING "indicator_value" b
        WHERE a."service_id" IS NULL AND b."service_id" IS NULL AND a."org_unit_id" = b."org_unit_id" AND a."period" = b."period"
          AND a."basis" = b."basis" AND a.ctid < b.ctid`,
    );
    await q.query(`DROP INDEX "public"."IDX_b1e6866334d5fd983e12b78f67"`);
    await q.query(`CREATE UNIQUE INDEX "UQ_indicator_value_key" ON "indicator_value" ("org_unit_id", "service_id", "period", "basis") NULLS NOT DISTINCT`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."UQ_indicator_value_key"`);
    await q.query(`CREATE UNIQUE INDEX "IDX_b1e6866334d5fd983e12b78f67" ON "indicator_value" ("org_unit_id", "service_id", "period", "basis") `);
    await q.query(`CREATE INDEX "IDX_ea1dfacd3613e5089b551a82b4" ON "indicator_value" ("organisation_id") `);
    await q.query(`ALTER TABLE "indicator_value" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await q.query(`ALTER TABLE "indicator_value" ADD CONSTRAINT "PK_ea77b6059a4a7f24be8e748d541" PRIMARY KEY ("id")`);
    await q.query(
      `UPDATE "indicator_value" v SET "computed_at" = f."computed_at", "data_as_of" = f."data_as_of"
         FROM "indicator_freshness" f WHERE f."organisation_id" = v."organisation_id" AND f."period" = v."period" AND v."basis" = 'current'`,
    );
    // a current row without freshness (none is written so): the time of the migration, rather than no time at all
    await q.query(`UPDATE "indicator_value" SET "computed_at" = now(), "data_as_of" = now() WHERE "computed_at" IS NULL OR "data_as_of" IS NULL`);
    await q.query(`ALTER TABLE "indicator_value" ALTER COLUMN "computed_at" SET NOT NULL, ALTER COLUMN "data_as_of" SET NOT NULL`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON "indicator_freshness"`);
    await q.query(`DROP TABLE "indicator_freshness"`);
  }
}
