import { MigrationInterface, QueryRunner } from 'typeorm';

/** Payers per scenario before and after: conventions 2 adds CAISSES_RETRAITE, ARS and BAILLEUR_SOCIAL at the end of PAYER_ORDER. */
const BEFORE = 7;
const AFTER = 10;

/**
 * The read model for methods of conventions 2 (shared/vectors/README.md « Conventions 2 »):
 * - `by_payer` grows from 3 × 7 to 3 × 10 amounts (scenario-major), the three new payers NULL (no share) in existing rows;
 * - `cost_by_payer`: the cost split by the services' funding plans, 10 amounts in PAYER_ORDER (NULL = no share),
 *   NULL for rows computed under conventions 1, which know no funding;
 * - `events_by_outcome`: avoided events per kind, `{ outcomeCode: [central, low, high] }` (jsonb numbers are exact
 *   numerics), NULL under conventions 1;
 * - `conventions`: the conventions the row was computed under, 1 for every existing row.
 * Frozen « tel que publié » rows keep their values: only the payer vector is padded.
 */
export class ReadModelConventions21795695000000 implements MigrationInterface {
  name = 'ReadModelConventions21795695000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const pad = `ARRAY[${Array.from({ length: AFTER - BEFORE }, () => 'NULL').join(', ')}]::numeric[]`;
    const slices = [0, 1, 2].map((s) => `"by_payer"[${s * BEFORE + 1}:${(s + 1) * BEFORE}] || ${pad}`).join(' || ');
    await queryRunner.query(`UPDATE "indicator_value" SET "by_payer" = ${slices} WHERE cardinality("by_payer") = ${3 * BEFORE}`);
    await queryRunner.query(
      `ALTER TABLE "indicator_value" ADD "cost_by_payer" numeric[], ADD "events_by_outcome" jsonb, ADD "conventions" smallint NOT NULL DEFAULT 1`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicator_value" DROP COLUMN "conventions", DROP COLUMN "events_by_outcome", DROP COLUMN "cost_by_payer"`);
    const slices = [0, 1, 2].map((s) => `"by_payer"[${s * AFTER + 1}:${s * AFTER + BEFORE}]`).join(' || ');
    await queryRunner.query(`UPDATE "indicator_value" SET "by_payer" = ${slices} WHERE cardinality("by_payer") = ${3 * AFTER}`);
  }
}
