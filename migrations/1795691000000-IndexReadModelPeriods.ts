import { MigrationInterface, QueryRunner } from 'typeorm';

/** A recompute of some periods deletes and rewrites their read-model rows: found by index, not by scanning the organisation's (bench M: 407 ms → 4 ms for one period). */
export class IndexReadModelPeriods1795691000000 implements MigrationInterface {
  name = 'IndexReadModelPeriods1795691000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_d6d07ae4c759cdd2f8ccdd8d6a" ON "indicator_value"  ("organisation_id", "period") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_d6d07ae4c759cdd2f8ccdd8d6a"`);
  }
}
