import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('levier.organisation_id', true), '')::uuid`;

/**
 * `budget_year`: the organisation's voted or realised real expenditure per year and section (FONCTIONNEMENT only for
 * now), the base of the fongibilité rate in place of the services' spend. A tenant table: row-level security like
 * every other one, and granted to the application role (created after the blanket grant of EnableRowLevelSecurity).
 */
export class CreateBudgetYears1795692000000 implements MigrationInterface {
  name = 'CreateBudgetYears1795692000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "budget_year" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "section" character varying(16) NOT NULL DEFAULT 'FONCTIONNEMENT', "real_expenditure" numeric NOT NULL, "source" character varying(200), "comment" character varying(1000), CONSTRAINT "PK_d82e24d853deb7b68d7b462c32d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f3461faa9d2b3102dcfe3228f9" ON "budget_year"  ("organisation_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_acd674c01fc2da906291f53eef" ON "budget_year"  ("organisation_id", "year", "section") `);
    await queryRunner.query(
      `ALTER TABLE "budget_year" ADD CONSTRAINT "FK_f3461faa9d2b3102dcfe3228f9e" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "budget_year" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY tenant_isolation ON "budget_year" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "budget_year" TO levier_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "budget_year"`);
    await queryRunner.query(`ALTER TABLE "budget_year" DROP CONSTRAINT "FK_f3461faa9d2b3102dcfe3228f9e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_acd674c01fc2da906291f53eef"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f3461faa9d2b3102dcfe3228f9"`);
    await queryRunner.query(`DROP TABLE "budget_year"`);
  }
}
