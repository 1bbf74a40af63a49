import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled report emails (issue 8): the fan-out's high-water mark per subscription, and per delivery a run key
 * (`schedule`, or `preview-<UTC minute>` for "send a preview now") in the idempotency key, a claim time (lease of the
 * worker sending it), and an index for the delivery log listed newest first.
 */
export class AddReportScheduling1795674622864 implements MigrationInterface {
  name = 'AddReportScheduling1795674622864';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_b72e72b7e7278f7c6efd6ee665"`);
    await queryRunner.query(`ALTER TABLE "report_subscription" ADD "last_dispatched_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "report_delivery" ADD "run_key" character varying(40) NOT NULL DEFAULT 'schedule'`);
    await queryRunner.query(`ALTER TABLE "report_delivery" ADD "claimed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_f66997e610093901086add5f0a" ON "report_delivery"  ("organisation_id", "created_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3993d1cbeb1a079b14da9029d7" ON "report_delivery"  ("subscription_id", "period", "recipient", "run_key") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // previews would collide under the old key (subscription, period, recipient): they go with the run key
    await queryRunner.query(`DELETE FROM "report_delivery" WHERE "run_key" <> 'schedule'`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3993d1cbeb1a079b14da9029d7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f66997e610093901086add5f0a"`);
    await queryRunner.query(`ALTER TABLE "report_delivery" DROP COLUMN "claimed_at"`);
    await queryRunner.query(`ALTER TABLE "report_delivery" DROP COLUMN "run_key"`);
    await queryRunner.query(`ALTER TABLE "report_subscription" DROP COLUMN "last_dispatched_at"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b72e72b7e7278f7c6efd6ee665" ON "report_delivery" USING btree ("subscription_id", "period", "recipient") `,
    );
  }
}
