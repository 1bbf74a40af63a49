import type { SubmissionView } from './submission.repository';
import type { SubmissionDetail } from './submissions.service';
import type { SubmissionPreview, SubmissionRowError } from './submission.entity';
import type { ImportMapping } from './parsing/import-mapping';
import type { Integer } from '@levier/contracts';

const toErrorResponse = (e: SubmissionRowError) => ({
  line: e.line,
  column: e.column,
  value: e.value,
  message: e.message,
  ...(e.sheet === undefined ? {} : { sheet: e.sheet }),
});

/** A row of `GET /api/submissions`, and the docs/product-rules.md#interfaces fields of `GET /api/submissions/:id`. */
export interface SubmissionResponse {
  id: string;
  status: string;
  rowCount: Integer;
  appliedCount: Integer;
  processedCount: Integer;
  errors: { line: Integer; column: string | null; value: string | null; message: string; sheet?: string }[];
  flags: { line: Integer; kind: string; message: string }[];
  source: string;
  fileName: string | null;
  createdAt: string;
  finishedAt: string | null;
  createdBy: string | null;
  /** The author's name (« modifié par »). */
  createdByName: string | null;
  dryRun: boolean;
  /** What applying does (dry run): created, changed old → new (labels), unchanged, flagged, errors; null for a direct run. */
  preview: SubmissionPreview | null;
  previewedAt: string | null;
  /** The column mapping the file was read with; null when detected. */
  mapping: ImportMapping | null;
}

/** `GET /api/submissions/:id`: the row plus where an unfinished submission stands (`null` once applied or rejected). */
export interface SubmissionDetailResponse extends SubmissionResponse {
  progress: { phase: 'waiting' | 'validating' | 'applying'; percent: number | null } | null;
}

/** `POST /api/submissions` → 202. */
export interface SubmissionAcceptedResponse {
  id: string;
  status: string;
}

export const toSubmissionResponse = (s: SubmissionView): SubmissionResponse => ({
  id: s.id,
  status: s.status,
  rowCount: s.rowCount,
  appliedCount: s.appliedCount,
  processedCount: s.processedCount,
  errors: s.errors.map(toErrorResponse),
  flags: s.flags.map((f) => ({ line: f.line, kind: f.kind, message: f.message })),
  source: s.source,
  fileName: s.fileName,
  createdAt: new Date(s.createdAt).toISOString(),
  finishedAt: s.finishedAt === null ? null : new Date(s.finishedAt).toISOString(),
  createdBy: s.createdBy,
  createdByName: s.createdByName,
  dryRun: s.dryRun,
  preview:
    s.preview === null
      ? null
      : {
          created: s.preview.created,
          changed: s.preview.changed,
          unchanged: s.preview.unchanged,
          flagged: s.preview.flagged.map((f) => ({ line: f.line, kind: f.kind, message: f.message })),
          errors: s.preview.errors.map(toErrorResponse),
        },
  previewedAt: s.previewedAt === null ? null : new Date(s.previewedAt).toISOString(),
  mapping: s.mapping,
});

export const toSubmissionDetailResponse = (s: SubmissionDetail): SubmissionDetailResponse => ({
  ...toSubmissionResponse(s),
  progress: s.progress === null ? null : { phase: s.progress.phase, percent: s.progress.percent },
});

export const toSubmissionAcceptedResponse = (s: { id: string; status: string }): SubmissionAcceptedResponse => ({ id: s.id, status: s.status });
