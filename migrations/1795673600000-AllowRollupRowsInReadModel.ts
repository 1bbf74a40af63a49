import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read-model rows for every unit of the tree and for all services together (`service_id` null). */
export class AllowRollupRowsInReadModel1795673600000 implements MigrationInterface {
  name = 'AllowRollupRowsInReadModel1795673600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "indicator_value" ALTER COLUMN "service_id" DROP NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "indicator_value" WHERE "service_id" IS NULL`);
    await q.query(`ALTER TABLE "indicator_value" ALTER COLUMN "service_id" SET NOT NULL`);
  }
}
