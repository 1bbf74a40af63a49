import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper bulk writes (bench, docs/product-rules.md#targets): figure and audit_log lose their single-column organisation index, which the
 * (organisation_id, period) and (organisation_id, at) indexes already serve; audit_log loses its foreign key to
 * organisation (an append-only log keeps no referential ties, and one check per imported figure was a third of the
 * audit's cost). Row-level security on both tables is unchanged.
 */
export class LightenBulkWrites1795690000000 implements MigrationInterface {
  name = 'LightenBulkWrites1795690000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_log" DROP CONSTRAINT "FK_448219bce16107509225c8f6d1e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_448219bce16107509225c8f6d1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ef7b5c0c898840e6200445f14b"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_ef7b5c0c898840e6200445f14b" ON "figure" ("organisation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_448219bce16107509225c8f6d1" ON "audit_log" ("organisation_id") `);
    await queryRunner.query(
      `ALTER TABLE "audit_log" ADD CONSTRAINT "FK_448219bce16107509225c8f6d1e" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
