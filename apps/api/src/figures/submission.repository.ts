import { Injectable } from '@nestjs/common';
import { SqlWhere } from '../platform/database/sql-where';
import { DataSource, EntityManager } from 'typeorm';
import type { SubmissionSource } from './figure.entity';
import type { SubmissionFlag, SubmissionPreview, SubmissionRowError, SubmissionStatus } from './submission.entity';
import type { ImportMapping } from './parsing/import-mapping';
import type { Page, PageRequest } from '../platform/database/page';

export interface SubmissionView {
  id: string;
  status: SubmissionStatus;
  source: SubmissionSource;
  fileName: string | null;
  rowCount: number;
  processedCount: number;
  appliedCount: number;
  errors: SubmissionRowError[];
  flags: SubmissionFlag[];
  createdBy: string | null;
  /** The author's display name, for screens (« modifié par »). */
  createdByName: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  dryRun: boolean;
  preview: SubmissionPreview | null;
  previewedAt: Date | null;
  mapping: ImportMapping | null;
}

export interface NewSubmission {
  source: SubmissionSource;
  idempotencyKey: string;
  fileName: string | null;
  contentType: string | null;
  payload: Buffer;
  createdBy: string | null;
  dryRun?: boolean;
  mapping?: ImportMapping | null;
}

export interface ClaimedSubmission {
  id: string;
  source: SubmissionSource;
  payload: Buffer;
  fileName: string | null;
  contentType: string | null;
  createdBy: string | null;
  attempts: number;
  dryRun: boolean;
  confirmOverwrite: boolean;
  previewedAt: Date | null;
  mapping: ImportMapping | null;
}

export interface SubmissionFilter {
  ids?: string[];
  status?: string[];
  source?: string[];
  /** Only the submissions this user created (a caller whose roles all cover subtrees). */
  createdBy?: string;
}
export type SubmissionSortField = 'createdAt' | 'status' | 'source' | 'rowCount' | 'finishedAt';
const SORT_SQL: Record<SubmissionSortField, string> = {
  createdAt: 'created_at',
  status: 'status',
  source: 'source',
  rowCount: 'row_count',
  finishedAt: 'finished_at',
};

const VIEW_COLUMNS = `id, status, source, file_name AS "fileName", row_count AS "rowCount", processed_count AS "processedCount",
  applied_count AS "appliedCount", errors, flags, created_by AS "createdBy", created_at AS "createdAt", finished_at AS "finishedAt",
  dry_run AS "dryRun", preview, previewed_at AS "previewedAt", mapping,
  (SELECT u.display_name FROM app_user u WHERE u.id = submission.created_by) AS "createdByName"`;

/**
 * Submissions: tenant queries take the EntityManager of `TenantDb.run`; the two system queries (which tenant owns a
 * submission, which are unfinished) read ids only, across tenants, for the worker and the reconciler.
 */
@Injectable()
export class SubmissionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts, or finds the submission that already holds this idempotency key (the unique index settles races);
   * `sameContent` tells whether that earlier submission received exactly these bytes from the same source.
   */
  async insertOnce(
    em: EntityManager,
    organisationId: string,
    s: NewSubmission,
  ): Promise<{ id: string; status: SubmissionStatus; created: boolean; sameContent: boolean }> {
    const inserted = (await em.query(
      `INSERT INTO submission (organisation_id, source, idempotency_key, file_name, content_type, payload, created_by, dry_run, mapping)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
       ON CONFLICT (organisation_id, idempotency_key) DO NOTHING
       RETURNING id, status`,
      [
        organisationId,
        s.source,
        s.idempotencyKey,
        s.fileName,
        s.contentType,
        s.payload,
        s.createdBy,
        s.dryRun ?? false,
        s.mapping ? JSON.stringify(s.mapping) : null,
      ],
    )) as { id: string; status: SubmissionStatus }[];
    if (inserted.length === 1) return { ...inserted[0], created: true, sameContent: true };
    const [existing] = (await em.query(
      `SELECT id, status, (payload = $3 AND source = $4) AS "sameContent" FROM submission WHERE organisation_id = $1 AND idempotency_key = $2`,
      [organisationId, s.idempotencyKey, s.payload, s.source],
    )) as { id: string; status: SubmissionStatus; sameContent: boolean }[];
    return { ...existing, created: false };
  }

  async findView(em: EntityManager, organisationId: string, id: string): Promise<SubmissionView | null> {
    const rows = (await em.query(`SELECT ${VIEW_COLUMNS} FROM submission WHERE organisation_id = $1 AND id = $2`, [organisationId, id])) as SubmissionView[];
    return rows[0] ?? null;
  }

  async list(em: EntityManager, organisationId: string, filter: SubmissionFilter, page: PageRequest<SubmissionSortField>): Promise<Page<SubmissionView>> {
    const where = new SqlWhere('organisation_id = $1', organisationId);
    if (filter.ids) where.add('id = ANY(?::uuid[])', filter.ids);
    if (filter.status) where.add('status = ANY(?::varchar[])', filter.status);
    if (filter.source) where.add('source = ANY(?::varchar[])', filter.source);
    if (filter.createdBy) where.add('created_by = ?', filter.createdBy);
    const whereSql = where.sql;
    const { params } = where;
    const [{ total }] = (await em.query(`SELECT count(*)::int AS total FROM submission WHERE ${whereSql}`, params)) as { total: number }[];
    const rows = (await em.query(
      `SELECT ${VIEW_COLUMNS} FROM submission WHERE ${whereSql}
        ORDER BY ${SORT_SQL[page.sort.field]} ${page.sort.order} NULLS LAST, id
        LIMIT ${page.limit} OFFSET ${page.offset}`,
      params,
    )) as SubmissionView[];
    return { rows, total };
  }

  /** Marks an unfinished submission `validating` and returns what the worker needs; `null` if it is already finished. */
  async claim(em: EntityManager, id: string): Promise<ClaimedSubmission | null> {
    const [rows] = (await em.query(
      `UPDATE submission SET status = 'validating', attempts = attempts + 1
        WHERE id = $1 AND status IN ('received', 'validating')
        RETURNING id, source, payload, file_name AS "fileName", content_type AS "contentType", created_by AS "createdBy", attempts,
                  dry_run AS "dryRun", confirm_overwrite AS "confirmOverwrite", previewed_at AS "previewedAt", mapping`,
      [id],
    )) as [ClaimedSubmission[], number];
    return rows[0] ?? null;
  }

  async setProgress(em: EntityManager, id: string, rowCount: number, processedCount: number): Promise<void> {
    await em.query(`UPDATE submission SET row_count = $2, processed_count = $3 WHERE id = $1 AND status = 'validating'`, [id, rowCount, processedCount]);
  }

  /** Locks the submission row for the rest of the transaction and returns its status as committed now. */
  async lock(em: EntityManager, id: string): Promise<SubmissionStatus | null> {
    const rows = (await em.query(`SELECT status FROM submission WHERE id = $1 FOR UPDATE`, [id])) as { status: SubmissionStatus }[];
    return rows[0]?.status ?? null;
  }

  async finishRejected(em: EntityManager, id: string, rowCount: number, errors: readonly SubmissionRowError[]): Promise<void> {
    await em.query(
      `UPDATE submission SET status = 'rejected', row_count = $2, processed_count = $2, applied_count = 0, errors = $3::jsonb, flags = '[]', finished_at = now()
        WHERE id = $1 AND status IN ('received', 'validating')`,
      [id, rowCount, JSON.stringify(errors)],
    );
  }

  async finishApplied(em: EntityManager, id: string, rowCount: number, flags: readonly SubmissionFlag[]): Promise<void> {
    await em.query(
      `UPDATE submission SET status = 'applied', row_count = $2, processed_count = $2, applied_count = $2, errors = '[]', flags = $3::jsonb, finished_at = now()
        WHERE id = $1`,
      [id, rowCount, JSON.stringify(flags)],
    );
  }

  /** A dry run's end: its preview (row errors included), no figure written. */
  async finishPreviewed(em: EntityManager, id: string, rowCount: number, preview: SubmissionPreview): Promise<void> {
    await em.query(
      `UPDATE submission SET status = 'previewed', dry_run = true, row_count = $2, processed_count = $2, applied_count = 0, errors = $3::jsonb,
                             flags = $4::jsonb, preview = $5::jsonb, previewed_at = now(), finished_at = now()
        WHERE id = $1 AND status IN ('received', 'validating')`,
      [id, rowCount, JSON.stringify(preview.errors), JSON.stringify(preview.flagged), JSON.stringify(preview)],
    );
  }

  /** The locked status and preview of a submission, for apply and discard. */
  async lockPreview(
    em: EntityManager,
    organisationId: string,
    id: string,
  ): Promise<{ status: SubmissionStatus; createdBy: string | null; fileName: string | null; preview: SubmissionPreview | null } | null> {
    const rows = (await em.query(
      `SELECT status, created_by AS "createdBy", file_name AS "fileName", preview FROM submission WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [organisationId, id],
    )) as { status: SubmissionStatus; createdBy: string | null; fileName: string | null; preview: SubmissionPreview | null }[];
    return rows[0] ?? null;
  }

  /** A previewed submission back in the pipeline, this time to be applied. */
  async startApply(em: EntityManager, id: string, confirmOverwrite: boolean): Promise<void> {
    await em.query(
      `UPDATE submission SET status = 'received', dry_run = false, confirm_overwrite = $2, finished_at = NULL WHERE id = $1 AND status = 'previewed'`,
      [id, confirmOverwrite],
    );
  }

  async discard(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE submission SET status = 'discarded', finished_at = now() WHERE id = $1 AND status = 'previewed'`, [id]);
  }

  /** A single edit (PUT /figures/:id) is recorded as a submission applied on the spot, in the edit's transaction. */
  async insertApplied(em: EntityManager, organisationId: string, s: NewSubmission, flags: readonly SubmissionFlag[]): Promise<string> {
    const [row] = (await em.query(
      `INSERT INTO submission (organisation_id, source, status, idempotency_key, file_name, content_type, payload, created_by, row_count, processed_count, applied_count, flags, finished_at)
       VALUES ($1, $2, 'applied', $3, $4, $5, $6, $7, 1, 1, 1, $8::jsonb, now())
       RETURNING id`,
      [organisationId, s.source, s.idempotencyKey, s.fileName, s.contentType, s.payload, s.createdBy, JSON.stringify(flags)],
    )) as { id: string }[];
    return row.id;
  }

  /**
   * Whether the organisation has submissions still waiting or being processed, created in the last quarter of an hour
   * (an import burst; one stuck for longer is the reconciler's business, not a reason to hold recomputes back).
   */
  async inFlight(em: EntityManager, organisationId: string): Promise<boolean> {
    const rows = (await em.query(
      `SELECT EXISTS (SELECT 1 FROM submission WHERE organisation_id = $1 AND status IN ('received', 'validating')
                         AND created_at > now() - interval '15 minutes') AS "inFlight"`,
      [organisationId],
    )) as { inFlight: boolean }[];
    return rows[0].inFlight;
  }

  /** System query: the organisation of a submission (ids only), to open its tenant context. */
  async organisationOf(id: string): Promise<string | null> {
    const rows = (await this.dataSource.query(`SELECT organisation_id AS "organisationId" FROM submission WHERE id = $1`, [id])) as {
      organisationId: string;
    }[];
    return rows[0]?.organisationId ?? null;
  }

  /** System query: unfinished submissions created before `olderThan` (ids only), oldest first. */
  async unfinished(olderThan: Date, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM submission WHERE status IN ('received', 'validating') AND created_at < $1 ORDER BY created_at LIMIT $2`,
      [olderThan, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
