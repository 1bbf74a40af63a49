import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import type { SubmissionSource } from './figure.entity';
import type { ImportMapping } from './parsing/import-mapping';
import type { Integer } from '@levier/contracts';
import { UuidColumn, VarcharColumn, CreatedAtColumn, TimestampColumn } from '../platform/database/columns';

export const SUBMISSION_STATUSES = ['received', 'validating', 'rejected', 'applied', 'previewed', 'discarded'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** One rejected row: its line (header = line 1; JSON: index + 1), the column as headed in the file, the cell as written. */
export interface SubmissionRowError {
  readonly line: Integer;
  /** `null` when the problem concerns the row or the file as a whole. */
  readonly column: string | null;
  readonly value: string | null;
  readonly message: string;
  /** Machine-readable reason (`unknown_service`, `period_approved`, `file:missing_columns`…), not part of the API shape. */
  readonly code?: string;
  /** The sheet of the row, in a workbook read from several sheets. */
  readonly sheet?: string;
}
/** One stored value a submission changes, as its preview shows it (labels, not codes; values as decimal strings). */
export interface PreviewChange {
  readonly figureId: string;
  readonly orgUnit: string;
  readonly service: string;
  readonly metric: string;
  /** The metric's unit (« € » for money, « personnes »…), so a reader formats the values by it. */
  readonly unit: string;
  readonly period: string;
  readonly old: string;
  readonly new: string;
}

/** What applying a submission would do, computed by a dry run through the same pipeline, nothing written. */
export interface SubmissionPreview {
  readonly created: Integer;
  readonly changed: PreviewChange[];
  readonly unchanged: Integer;
  readonly flagged: SubmissionFlag[];
  readonly errors: SubmissionRowError[];
}

export interface SubmissionFlag {
  readonly line: Integer;
  readonly kind: 'outlier' | 'out_of_range';
  readonly message: string;
}

/** A batch of figures as it arrived: the durable record of what was received, even when rejected. */
@Entity('submission')
@Index(['organisationId', 'idempotencyKey'], { unique: true })
@Index(['status', 'createdAt'])
export class Submission extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @VarcharColumn(8)
  source: SubmissionSource;

  @VarcharColumn(16, { default: 'received' })
  status: SubmissionStatus;

  /** `Idempotency-Key` header, or the file's SHA-256 plus its target. */
  @VarcharColumn(200)
  idempotencyKey: string;

  @VarcharColumn(255, { nullable: true })
  fileName: string | null;

  @VarcharColumn(128, { nullable: true })
  contentType: string | null;

  /** The raw bytes of an uploaded file, or the JSON body, exactly as received. */
  @Column({ type: 'bytea' })
  payload: Buffer;

  @Column({ type: 'integer', default: 0 })
  rowCount: number;

  @Column({ type: 'integer', default: 0 })
  processedCount: number;

  @Column({ type: 'integer', default: 0 })
  appliedCount: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors: SubmissionRowError[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  flags: SubmissionFlag[];

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @UuidColumn({ nullable: true })
  createdBy: string | null;

  /** A dry run ends `previewed` with its preview and writes no figure, until `apply` turns it into a real run. */
  @Column({ type: 'boolean', default: false })
  dryRun: boolean;

  /** Set by `apply` when the user confirmed replacing stored values: without it, an apply that changes values stops. */
  @Column({ type: 'boolean', default: false })
  confirmOverwrite: boolean;

  @Column({ type: 'jsonb', nullable: true })
  preview: SubmissionPreview | null;

  /** The column mapping the file is read with (given, or a saved template's as it was when the file was sent). */
  @Column({ type: 'jsonb', nullable: true })
  mapping: ImportMapping | null;

  @TimestampColumn({ nullable: true })
  previewedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  finishedAt: Date | null;
}
