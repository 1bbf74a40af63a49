import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('levier.organisation_id', true), '')::uuid`;

/**
 * `custom_indicator_value` is written by difference (issue 17, item 5, like `indicator_value`): a recompute no longer
 * rewrites the cells whose numerator and denominator did not move, so their `computed_at` stays the time they last
 * changed. The time of the organisation's last custom-indicator recompute, which the values' response shows, moves to
 * `custom_indicator_freshness`, one row per organisation written by each recompute (taken from the cells when migrating).
 */
export class CustomIndicatorFreshness1795880000000 implements MigrationInterface {
  name = 'CustomIndicatorFreshness1795880000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "custom_indicator_freshness" (
      "organisation_id" uuid NOT NULL,
      "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_custom_indicator_freshness" PRIMARY KEY ("organisation_id"),
      CONSTRAINT "FK_custom_indicator_freshness_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE
    )`);
    await q.query(`ALTER TABLE "custom_indicator_freshness" ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON "custom_indicator_freshness" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "custom_indicator_freshness" TO levier_app`);
    await q.query(
      `INSERT INTO "custom_indicator_freshness" ("organisation_id", "computed_at")
       SELECT "organisation_id", max("computed_at") FROM "custom_indicator_value" GROUP BY 1`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    // the cells' times come back as the last recompute's, as when every recompute rewrote them
    await q.query(
      `UPDATE "custom_indicator_value" v SET "computed_at" = f."computed_at"
         FROM "custom_indicator_freshness" f WHERE f."organisation_id" = v."organisation_id"`,
    );
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON "custom_indicator_freshness"`);
    await q.query(`DROP TABLE "custom_indicator_freshness"`);
  }
}
