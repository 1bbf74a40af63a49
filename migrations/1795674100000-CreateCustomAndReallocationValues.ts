import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('levier.organisation_id', true), '')::uuid`;
const TABLES = ['custom_indicator_value', 'reallocation_value'];

/**
 * Two read-model tables written set-based by the `indicators` worker (no entity: only raw SQL reads and writes them):
 * - `custom_indicator_value`: a custom indicator's numerator and denominator per cell (leaf org unit × service × period);
 *   aggregation sums both parts over cells, then divides (docs/methodology.md#custom-indicators-targets-alerts);
 * - `reallocation_value`: the reallocation output of one organisation for one year (`YYYY`) or month (`YYYY-MM`).
 * Both are tenant tables: row-level security like every other one.
 */
export class CreateCustomAndReallocationValues1795674100000 implements MigrationInterface {
  name = 'CreateCustomAndReallocationValues1795674100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "custom_indicator_value" (
      "organisation_id" uuid NOT NULL,
      "indicator_id" uuid NOT NULL,
      "org_unit_id" uuid NOT NULL,
      "service_id" uuid NOT NULL,
      "period" character varying(7) NOT NULL,
      "period_start" date NOT NULL,
      "period_end" date NOT NULL,
      "numerator" numeric,
      "denominator" numeric,
      "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_custom_indicator_value" PRIMARY KEY ("indicator_id", "org_unit_id", "service_id", "period"),
      CONSTRAINT "FK_custom_indicator_value_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_custom_indicator_value_indicator" FOREIGN KEY ("indicator_id") REFERENCES "custom_indicator"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_custom_indicator_value_org_unit" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_custom_indicator_value_service" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX "IDX_custom_indicator_value_org_start" ON "custom_indicator_value" ("organisation_id", "period_start")`);
    await q.query(`CREATE TABLE "reallocation_value" (
      "organisation_id" uuid NOT NULL,
      "period" character varying(7) NOT NULL,
      "payload" jsonb NOT NULL,
      "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_reallocation_value" PRIMARY KEY ("organisation_id", "period"),
      CONSTRAINT "FK_reallocation_value_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE
    )`);
    for (const table of TABLES) {
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON "${table}" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO levier_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      await q.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
