import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('levier.organisation_id', true), '')::uuid`;

/**
 * `initiative`: agents' initiatives (PIFPP, « portage d’initiative frugale sans permission préalable », issue 18):
 * title, team and its org unit, service, start date, status (idea, testing, adopted, abandoned: codes the API shows
 * as words), resources used (hours and euros as numeric, items lent in words), results in words and an optional
 * linked metric. A tenant table: row-level security like every other one, granted to the application role.
 */
export class CreateInitiatives1795710000000 implements MigrationInterface {
  name = 'CreateInitiatives1795710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "initiative" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "org_unit_id" uuid NOT NULL, "team" character varying(200) NOT NULL, "service_id" uuid NOT NULL, "start_date" date NOT NULL, "status" character varying(16) NOT NULL, "hours" numeric NOT NULL DEFAULT '0', "euros" numeric NOT NULL DEFAULT '0', "items_lent" text, "results" text, "metric_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_initiative_resources" CHECK ("hours" >= 0 AND "euros" >= 0), CONSTRAINT "CHK_initiative_status" CHECK ("status" IN ('idea', 'testing', 'adopted', 'abandoned')), CONSTRAINT "PK_139c30696418b01a4922ce3b916" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_60096034798d9a7ababa88e790" ON "initiative"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_35ef122ab142753b4d4ae4e8d4" ON "initiative"  ("organisation_id", "org_unit_id") `);
    await queryRunner.query(
      `ALTER TABLE "initiative" ADD CONSTRAINT "FK_60096034798d9a7ababa88e7902" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "initiative" ADD CONSTRAINT "FK_0f029c771cf623aa1fe15768e9b" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "initiative" ADD CONSTRAINT "FK_01b837e6d3a61d4ac4ac45d472c" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "initiative" ADD CONSTRAINT "FK_0e531e2815d00ebb064e39dcd86" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "initiative" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY tenant_isolation ON "initiative" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "initiative" TO levier_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "initiative"`);
    await queryRunner.query(`ALTER TABLE "initiative" DROP CONSTRAINT "FK_0e531e2815d00ebb064e39dcd86"`);
    await queryRunner.query(`ALTER TABLE "initiative" DROP CONSTRAINT "FK_01b837e6d3a61d4ac4ac45d472c"`);
    await queryRunner.query(`ALTER TABLE "initiative" DROP CONSTRAINT "FK_0f029c771cf623aa1fe15768e9b"`);
    await queryRunner.query(`ALTER TABLE "initiative" DROP CONSTRAINT "FK_60096034798d9a7ababa88e7902"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_35ef122ab142753b4d4ae4e8d4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_60096034798d9a7ababa88e790"`);
    await queryRunner.query(`DROP TABLE "initiative"`);
  }
}
