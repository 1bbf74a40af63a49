import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report subscription may attach documents for the board and the assembly (issue 19, item 7): the dossier
 * méthodologique of its scope and period, the fongibilité statement and the in-kind annex of the period's year. A JSON
 * list of document kinds, empty by default (existing subscriptions attach nothing new), constrained to the known kinds.
 */
export class AddReportSubscriptionDocuments1795760000000 implements MigrationInterface {
  name = 'AddReportSubscriptionDocuments1795760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_subscription" ADD "documents" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `ALTER TABLE "report_subscription" ADD CONSTRAINT "CHK_report_subscription_documents" CHECK (jsonb_typeof("documents") = 'array' AND "documents" <@ '["dossier-methodologique", "fongibilite", "prets-en-nature"]'::jsonb)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_subscription" DROP CONSTRAINT "CHK_report_subscription_documents"`);
    await queryRunner.query(`ALTER TABLE "report_subscription" DROP COLUMN "documents"`);
  }
}
