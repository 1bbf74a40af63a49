import { MigrationInterface, QueryRunner } from 'typeorm';

/** The read model's "data as of" (latest figure change of an organisation) read from an index, not a scan. */
export class IndexFigureFreshness1795678577455 implements MigrationInterface {
  name = 'IndexFigureFreshness1795678577455';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_b8e27641728344341607c65229" ON "figure"  ("organisation_id", "updated_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_b8e27641728344341607c65229"`);
  }
}
