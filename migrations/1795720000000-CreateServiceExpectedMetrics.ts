import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('levier.organisation_id', true), '')::uuid`;

/**
 * `service_expected_metric` (issue 13, the grid): the metrics an admin expects a service to report each period, as a
 * jsonb list of metric codes. No row means the default (spend, one activity measure, each observed outcome). A tenant
 * table: row-level security like every other one, granted to the application role.
 */
export class CreateServiceExpectedMetrics1795720000000 implements MigrationInterface {
  name = 'CreateServiceExpectedMetrics1795720000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "service_expected_metric" ("organisation_id" uuid NOT NULL, "service_id" uuid NOT NULL, "metrics" jsonb NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_service_expected_metric_list" CHECK (jsonb_typeof("metrics") = 'array' AND jsonb_array_length("metrics") > 0), CONSTRAINT "PK_service_expected_metric" PRIMARY KEY ("service_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_service_expected_metric_organisation" ON "service_expected_metric" ("organisation_id")`);
    await q.query(
      `ALTER TABLE "service_expected_metric" ADD CONSTRAINT "FK_service_expected_metric_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "service_expected_metric" ADD CONSTRAINT "FK_service_expected_metric_service" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE`,
    );
    await q.query(`ALTER TABLE "service_expected_metric" ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON "service_expected_metric" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "service_expected_metric" TO levier_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON "service_expected_metric"`);
    await q.query(`DROP TABLE "service_expected_metric"`);
  }
}
