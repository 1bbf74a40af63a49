import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit cost says what kind of figure it is (issue 14): a published estimate (cost study, audit, statistics) that
 * carries an evidence grade, or a regulated tariff (a price fixed by decree or order), which is a fact, not a trial:
 * it carries no evidence grade. The shipped national home-help floor tariffs become regulated tariffs.
 */
export class AddUnitCostNature1795699600000 implements MigrationInterface {
  name = 'AddUnitCostNature1795699600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unit_cost" ADD "nature" varchar(24) NOT NULL DEFAULT 'estimate'`);
    await queryRunner.query(`ALTER TABLE "unit_cost" ADD CONSTRAINT "CHK_unit_cost_nature" CHECK ("nature" IN ('estimate', 'regulated_tariff'))`);
    await queryRunner.query(
      `UPDATE "unit_cost" SET "nature" = 'regulated_tariff', "grade" = NULL
        WHERE "code" IN ('HEURE_AIDE_DOMICILE_2022', 'HEURE_AIDE_DOMICILE_2023', 'HEURE_AIDE_DOMICILE_2024')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // the grade the library gave these tariffs before they had a nature
    await queryRunner.query(`UPDATE "unit_cost" SET "grade" = 1 WHERE "nature" = 'regulated_tariff' AND "grade" IS NULL`);
    await queryRunner.query(`ALTER TABLE "unit_cost" DROP CONSTRAINT "CHK_unit_cost_nature"`);
    await queryRunner.query(`ALTER TABLE "unit_cost" DROP COLUMN "nature"`);
  }
}
