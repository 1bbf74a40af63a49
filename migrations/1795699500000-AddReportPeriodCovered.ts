import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report subscription chooses the period each report covers (issue 14): the last complete month (as before, the
 * default), quarter or year, or the year to date. A constrained varchar with a default: existing rows keep monthly reports.
 */
export class AddReportPeriodCovered1795699500000 implements MigrationInterface {
  name = 'AddReportPeriodCovered1795699500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_subscription" ADD "period_covered" varchar(16) NOT NULL DEFAULT 'month'`);
    await queryRunner.query(
      `ALTER TABLE "report_subscription" ADD CONSTRAINT "CHK_report_subscription_period_covered" CHECK ("period_covered" IN ('month', 'quarter', 'year', 'year_to_date'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_subscription" DROP CONSTRAINT "CHK_report_subscription_period_covered"`);
    await queryRunner.query(`ALTER TABLE "report_subscription" DROP COLUMN "period_covered"`);
  }
}
