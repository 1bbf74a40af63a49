import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two more shipped unit costs are regulated tariffs (issue 14): the 2025 national home-help floor (fixed by decree) and
 * the national daily tariff of full-time adult psychiatric hospitalisation (fixed by the order of 28 December 2021).
 * A legal tariff is a fact, not a trial: nature « regulated_tariff », no evidence grade. Only rows still as shipped
 * (estimate graded 2) change, so a tenant's own edit is kept.
 */
export class MarkRegulatedTariffUnitCosts1795750000000 implements MigrationInterface {
  name = 'MarkRegulatedTariffUnitCosts1795750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "unit_cost" SET "nature" = 'regulated_tariff', "grade" = NULL
        WHERE "code" IN ('HEURE_AIDE_DOMICILE_2025', 'JOURNEE_HOSPITALISATION_PSY') AND "nature" = 'estimate' AND "grade" = 2`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // the grade the library gave these tariffs before
    await queryRunner.query(
      `UPDATE "unit_cost" SET "nature" = 'estimate', "grade" = 2
        WHERE "code" IN ('HEURE_AIDE_DOMICILE_2025', 'JOURNEE_HOSPITALISATION_PSY') AND "nature" = 'regulated_tariff' AND "grade" IS NULL`,
    );
  }
}
