import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creations of figures are audited by one `figure_batch` row per written chunk (FigureWriter, audit/figure-audit.ts)
 * instead of one row per figure. A figure's history finds its creation through the chunk's id range: `entity_id` is the
 * chunk's first figure id, `before->>'last'` its last (UUIDv7 ids, compared as text in the "C" collation). This partial
 * index holds one entry per chunk. Existing per-figure rows stay as they are: the readers read both shapes.
 */
export class FigureBatchAudit1795840000000 implements MigrationInterface {
  name = 'FigureBatchAudit1795840000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_audit_log_figure_batch" ON "audit_log" ("organisation_id", ("entity_id" COLLATE "C"), ((("before"->>'last')) COLLATE "C"))
        WHERE "entity" = 'figure_batch'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    // back to one row per created figure, codes and all, so that the previous readers see every creation
    await q.query(
      `INSERT INTO "audit_log" ("organisation_id", "at", "actor_id", "action", "entity", "entity_id", "before", "after", "reason", "submission_id", "request_id")
       SELECT b."organisation_id", b."at", b."actor_id", b."action", 'figure', e.f->>0, NULL,
              jsonb_strip_nulls(jsonb_build_object('value', e.f->>1, 'status', 'draft', 'comment', e.f->>2, 'source', b."before"->>'source',
                                                   'orgUnit', ou."code", 'service', sv."code", 'metric', m."code", 'period', f."period")),
              b."reason", b."submission_id", b."request_id"
         FROM "audit_log" b CROSS JOIN LATERAL jsonb_array_elements(b."after"->'figures') WITH ORDINALITY AS e(f, ord)
         LEFT JOIN "figure" f ON f."id" = (e.f->>0)::uuid
         LEFT JOIN "org_unit" ou ON ou."id" = f."org_unit_id" LEFT JOIN "service" sv ON sv."id" = f."service_id" LEFT JOIN "metric" m ON m."id" = f."metric_id"
        WHERE b."entity" = 'figure_batch'
        ORDER BY b."id", e.ord`,
    );
    await q.query(`DELETE FROM "audit_log" WHERE "entity" = 'figure_batch'`);
    await q.query(`DROP INDEX "IDX_audit_log_figure_batch"`);
  }
}
