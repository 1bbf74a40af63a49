import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `figure` loses its index on (organisation_id, updated_at) (issue 17, item 5: import of M under 60 s). It served one
 * query, the recompute's « données au » (`max(updated_at)` of the organisation's figures), and every imported figure
 * paid for it: the writer's insert statement took 12 % less without it (576 000 rows, alternate runs, session 10), and
 * each figure ≈ 30 bytes less. The recompute now takes each period's « données au » from the figures it reads anyway
 * (recompute.repository.ts, rm_leaf). The figure list's sort by « modifié le » scans the organisation's figures, as its
 * sorts by value or status always did (and as its total count does).
 */
export class DropFigureUpdatedAtIndex1795900000001 implements MigrationInterface {
  name = 'DropFigureUpdatedAtIndex1795900000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_b8e27641728344341607c65229"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_b8e27641728344341607c65229" ON "figure" ("organisation_id", "updated_at")`);
  }
}
