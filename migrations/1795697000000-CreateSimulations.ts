import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT = `NULLIF(current_setting('levier.organisation_id', true), '')::uuid`;

/**
 * `simulation`: saved lever simulations (issue 18, « Investir dans les bons leviers »): a name, a scope (org unit,
 * period range) and the levers as JSON; the figures are recomputed at each read, never stored. A tenant table:
 * row-level security like every other one, granted to the application role.
 */
export class CreateSimulations1795697000000 implements MigrationInterface {
  name = 'CreateSimulations1795697000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "simulation" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "org_unit_id" uuid NOT NULL, "from_period" character varying(7), "to_period" character varying(7), "levers" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b32674039366f76e42c51a2e9d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_defeb095dff3a1c19d7aa2a42c" ON "simulation"  ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_1c8813a6561d101fe448629962" ON "simulation"  ("organisation_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "simulation" ADD CONSTRAINT "FK_defeb095dff3a1c19d7aa2a42c1" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "simulation" ADD CONSTRAINT "FK_160e8b3f85ec3ea7c80d9f60494" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "simulation" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY tenant_isolation ON "simulation" USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "simulation" TO levier_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "simulation"`);
    await queryRunner.query(`ALTER TABLE "simulation" DROP CONSTRAINT "FK_160e8b3f85ec3ea7c80d9f60494"`);
    await queryRunner.query(`ALTER TABLE "simulation" DROP CONSTRAINT "FK_defeb095dff3a1c19d7aa2a42c1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1c8813a6561d101fe448629962"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_defeb095dff3a1c19d7aa2a42c"`);
    await queryRunner.query(`DROP TABLE "simulation"`);
  }
}
