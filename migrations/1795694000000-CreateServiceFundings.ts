import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('levier.organisation_id', true), '')::uuid`;

/**
 * `service_funding`: who pays each service's spend, per year (« plans de financement », conventions 2 §2.5), as
 * payer code → share in `shares` (jsonb of decimal strings summing to 1, checked by the API). One plan per service and
 * year. A tenant table: row-level security like every other one, and granted to the application role (created after
 * the blanket grant of EnableRowLevelSecurity).
 */
export class CreateServiceFundings1795694000000 implements MigrationInterface {
  name = 'CreateServiceFundings1795694000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "service_funding" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "year" integer NOT NULL, "shares" jsonb NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_service_funding_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "PK_e759fc56a273037f90bce3bebbc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_da6ea0a267a32d70d8f32430dc" ON "service_funding"  ("organisation_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ba370d9eb0ac3ca8678f662c9c" ON "service_funding"  ("organisation_id", "service_id", "year") `);
    await queryRunner.query(
      `ALTER TABLE "service_funding" ADD CONSTRAINT "FK_da6ea0a267a32d70d8f32430dce" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_funding" ADD CONSTRAINT "FK_68d93e41677943afddce425abd5" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "service_funding" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY tenant_isolation ON "service_funding" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "service_funding" TO levier_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "service_funding"`);
    await queryRunner.query(`ALTER TABLE "service_funding" DROP CONSTRAINT "FK_68d93e41677943afddce425abd5"`);
    await queryRunner.query(`ALTER TABLE "service_funding" DROP CONSTRAINT "FK_da6ea0a267a32d70d8f32430dce"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba370d9eb0ac3ca8678f662c9c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_da6ea0a267a32d70d8f32430dc"`);
    await queryRunner.query(`DROP TABLE "service_funding"`);
  }
}
