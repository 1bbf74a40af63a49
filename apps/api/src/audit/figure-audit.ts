/**
 * The audit log holds two shapes of figure entries (FigureWriter):
 * - `entity = 'figure'`, one row per change of an existing figure (and per creation written before the batch shape):
 *   `before` and `after` carry the value, status and comment, `after` the source and the figure's codes;
 * - `entity = 'figure_batch'`, one row per chunk of created figures: `entity_id` is the chunk's first figure id,
 *   `before` = `{ last, count, source }` (the id range, how many, the submission's source), `after.figures` =
 *   `[[id, value, comment?], …]` in write order. Creations are `draft`, and a figure's key (unit, service, metric,
 *   period) never changes, so they are read from the figure.
 *
 * `figureAuditEntries` reads both as one entry per figure change, the shape every reader had before (history, audit list,
 * the fault tests' ledger): the batch's entries get the id `<row id>.<position>` and sort right after each other.
 */
export const FIGURE_BATCH = 'figure_batch';

export interface FigureAuditOptions {
  /** SQL of the organisation (`$1`), or null for every organisation (owner connections: tests, bench). */
  organisation: string | null;
  /** SQL of a figure id (text): only the batches whose id range holds it (audit_log_figure_batch index). */
  figureId?: string;
  /** SQL of a bigint[] of audit row ids: only those rows. */
  rowIds?: string;
  /** Join the figure and its catalogue for `after`'s codes (`orgUnit`, `service`, `metric`, `period`) of batch entries. */
  withKeys?: boolean;
}

/**
 * Columns: `seq` (bigint, the audit row), `ord` (0 for a plain row, the position in a batch), `id` (text, the entry's id),
 * `organisation_id`, `at`, `actor_id`, `action`, `entity` ('figure' for batch entries), `entity_id`, `before`, `after`,
 * `reason`, `submission_id`, `request_id`. Every audit row, figure or not, unless `onlyFigures`.
 */
export const figureAuditEntries = (options: FigureAuditOptions & { onlyFigures?: boolean }): string => {
  const plain: string[] = [`a.entity ${options.onlyFigures ? `= 'figure'` : `<> '${FIGURE_BATCH}'`}`];
  const batch: string[] = [`b.entity = '${FIGURE_BATCH}'`];
  if (options.organisation) {
    plain.push(`a.organisation_id = ${options.organisation}`);
    batch.push(`b.organisation_id = ${options.organisation}`);
  }
  if (options.rowIds) {
    plain.push(`a.id = ANY(${options.rowIds})`);
    batch.push(`b.id = ANY(${options.rowIds})`);
  }
  if (options.figureId) {
    plain.push(`a.entity_id = ${options.figureId}`);
    batch.push(`b.entity_id COLLATE "C" <= ${options.figureId} AND (b.before->>'last') COLLATE "C" >= ${options.figureId}`);
  }
  const keys = options.withKeys ? `, 'orgUnit', ou.code, 'service', sv.code, 'metric', m.code, 'period', f.period` : '';
  const keyJoins = options.withKeys
    ? `LEFT JOIN figure f ON f.id = (e.f->>0)::uuid AND f.organisation_id = b.organisation_id
       LEFT JOIN org_unit ou ON ou.id = f.org_unit_id LEFT JOIN service sv ON sv.id = f.service_id LEFT JOIN metric m ON m.id = f.metric_id`
    : '';
  return `SELECT a.id AS seq, 0 AS ord, a.id::text AS id, a.organisation_id, a.at, a.actor_id, a.action, a.entity, a.entity_id,
                 a.before, a.after, a.reason, a.submission_id, a.request_id
            FROM audit_log a WHERE ${plain.join(' AND ')}
          UNION ALL
          SELECT b.id, e.ord::int, b.id::text || '.' || e.ord, b.organisation_id, b.at, b.actor_id, b.action, 'figure', e.f->>0,
                 NULL::jsonb,
                 jsonb_strip_nulls(jsonb_build_object('value', e.f->>1, 'status', 'draft', 'comment', e.f->>2, 'source', b.before->>'source'${keys})),
                 b.reason, b.submission_id, b.request_id
            FROM audit_log b CROSS JOIN LATERAL jsonb_array_elements(b.after->'figures') WITH ORDINALITY AS e(f, ord)
            ${keyJoins}
           WHERE ${batch.join(' AND ')}${options.figureId ? ` AND e.f->>0 = ${options.figureId}` : ''}`;
};
