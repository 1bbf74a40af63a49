import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Services gain an optional free note shown on the dashboard beside their figures: what a reader must know to read
 * them (why a service stays in deficit on purpose, what its spend covers). Nullable column: no rewrite of the table.
 */
export class AddServiceNote1795696000000 implements MigrationInterface {
  name = 'AddServiceNote1795696000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "service" ADD "note" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "service" DROP COLUMN "note"`);
  }
}
