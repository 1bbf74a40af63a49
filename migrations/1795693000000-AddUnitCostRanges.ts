import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unit costs gain an optional low/high range (both or neither, low ≤ amount ≤ high: the API validates it with French
 * messages, the CHECK keeps the table honest for any other writer) and a free note (how a figure was read or derived,
 * what the bounds are, caveats). Existing rows keep no range and no note. Nullable columns: no rewrite of the table.
 */
export class AddUnitCostRanges1795693000000 implements MigrationInterface {
  name = 'AddUnitCostRanges1795693000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unit_cost" ADD "amount_low" numeric`);
    await queryRunner.query(`ALTER TABLE "unit_cost" ADD "amount_high" numeric`);
    await queryRunner.query(`ALTER TABLE "unit_cost" ADD "note" character varying(2000)`);
    await queryRunner.query(
      `ALTER TABLE "unit_cost" ADD CONSTRAINT "CHK_unit_cost_range" CHECK (("amount_low" IS NULL AND "amount_high" IS NULL) OR ("amount_low" IS NOT NULL AND "amount_high" IS NOT NULL AND "amount_low" <= "amount" AND "amount" <= "amount_high"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unit_cost" DROP CONSTRAINT "CHK_unit_cost_range"`);
    await queryRunner.query(`ALTER TABLE "unit_cost" DROP COLUMN "note"`);
    await queryRunner.query(`ALTER TABLE "unit_cost" DROP COLUMN "amount_high"`);
    await queryRunner.query(`ALTER TABLE "unit_cost" DROP COLUMN "amount_low"`);
  }
}
