import { BadRequestException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { TenantDb } from '../platform/database/tenant-db';
import { ListQuery } from '../platform/http/list-query';
import { JobProducer } from '../platform/queue/job-producer';
import type { AuthUser } from '../tenancy/auth-user';
import { isOrganisationWide } from '../tenancy/unit-scope';
import { SUBMISSION_SOURCES } from './figure.entity';
import { SUBMISSION_STATUSES, SubmissionStatus } from './submission.entity';
import { NewSubmission, SubmissionRepository, SubmissionSortField, SubmissionView } from './submission.repository';
import { SubmissionJobs, submissionJobId } from './submission-jobs';
import { JSON_CONTENT_TYPE, JsonSubmissionPayload } from './ingestion/submission-payload';
import type { SubmitFiguresDto } from './dto/submit-figures.dto';
import { enumList, uuidList } from './list-filters';

export interface UploadedFigureFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

export interface Accepted {
  id: string;
  status: SubmissionStatus;
  /** False when the idempotency key names an earlier submission: nothing new was stored or enqueued. */
  created: boolean;
}

/** Where an unfinished submission stands: waiting for a worker, rows being validated, or figures being written. */
export type SubmissionPhase = 'waiting' | 'validating' | 'applying';
export interface SubmissionProgress {
  phase: SubmissionPhase;
  /** 0–100; `null` while applying when the job's progress could not be read (Redis slow or down, job gone). */
  percent: number | null;
}
export interface SubmissionDetail extends SubmissionView {
  /** `null` once the submission is applied or rejected. */
  progress: SubmissionProgress | null;
}

/** How long a status read waits for the job's progress in Redis before answering without it. */
export const PROGRESS_TIMEOUT_MS = 300;

/**
 * The phase from the submission row alone: the worker writes `rowCount` and `processedCount` before the apply, whose
 * transaction then keeps the row locked (its progress is only in the BullMQ job).
 */
export const phaseOf = (s: Pick<SubmissionView, 'status' | 'rowCount' | 'processedCount'>): SubmissionPhase | null => {
  switch (s.status) {
    case 'received':
      return 'waiting';
    case 'validating':
      return s.rowCount > 0 && s.processedCount >= s.rowCount ? 'applying' : 'validating';
    case 'applied':
    case 'rejected':
      return null;
  }
};

/** processedCount / rowCount in whole percent, rounded down (0 while the file is still being read). */
const validatedPercent = (s: Pick<SubmissionView, 'rowCount' | 'processedCount'>): number =>
  s.rowCount > 0 ? Math.min(100, Math.floor((100 * s.processedCount) / s.rowCount)) : 0;

/** A job's progress as a whole percent, or `null` when it is not a number. */
const jobPercent = (progress: unknown): number | null =>
  typeof progress === 'number' && Number.isFinite(progress) ? Math.min(100, Math.max(0, Math.round(progress))) : null;

/** `work`'s value, or `fallback` when it fails or takes longer than `ms`. */
const settleWithin = <T>(work: Promise<T>, ms: number, fallback: T): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;
export const IDEMPOTENCY_KEY_REUSED =
  'Cette clé d’idempotence a déjà servi pour un autre contenu : renvoyez le même contenu pour relire la première soumission, ou envoyez ce nouveau contenu avec une nouvelle clé (par exemple un nouvel UUID).';
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The API's side of a submission (SPEC §7): store it durably first, then enqueue its job, and answer with its id.
 * Idempotency key: the `Idempotency-Key` header; else, for a file, its SHA-256 (the target organisation is part of the
 * unique key); a JSON body without header gets a key of its own (see `jsonKey`). A key replayed with the same content
 * answers the first submission; with other content, 422.
 * Reading: a caller with an organisation-wide role sees every submission of the organisation; one whose roles all
 * cover subtrees sees only the submissions they created (a file may span units beyond theirs), others answer 404.
 * An unfinished submission's progress while it is applied comes from its BullMQ job, read with a short timeout: a slow
 * or absent Redis leaves the percent unknown and never fails the request.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly submissions: SubmissionRepository,
    private readonly jobs: SubmissionJobs,
    private readonly queues: JobProducer,
  ) {}

  submitFile(user: AuthUser, file: UploadedFigureFile, idempotencyKey: string | undefined): Promise<Accepted> {
    if (file.buffer.length === 0) throw new BadRequestException('Le fichier est vide : aucune ligne à importer.');
    const fileName = file.originalname.slice(0, 255) || null;
    return this.store(user, {
      source: 'import',
      idempotencyKey: this.headerKey(idempotencyKey) ?? `file:${sha256(file.buffer)}`,
      fileName,
      contentType: file.mimetype.slice(0, 128) || null,
      payload: file.buffer,
      createdBy: user.id,
    });
  }

  submitJson(user: AuthUser, dto: SubmitFiguresDto, idempotencyKey: string | undefined): Promise<Accepted> {
    if (dto.figures === undefined) {
      throw new BadRequestException('Rien à enregistrer : envoyez un fichier CSV ou XLSX (champ multipart « file ») ou un JSON { "figures": [ … ] }.');
    }
    const payload: JsonSubmissionPayload = {
      figures: dto.figures.map((f) => ({
        orgUnit: f.orgUnit,
        service: f.service,
        metric: f.metric,
        period: f.period,
        value: f.value,
        ...(f.comment === undefined ? {} : { comment: f.comment }),
      })),
    };
    return this.store(user, {
      source: dto.source ?? 'api',
      idempotencyKey: this.headerKey(idempotencyKey) ?? `json:${randomUUID()}`,
      fileName: null,
      contentType: JSON_CONTENT_TYPE,
      payload: Buffer.from(JSON.stringify(payload), 'utf8'),
      createdBy: user.id,
    });
  }

  async get(user: AuthUser, id: string): Promise<SubmissionDetail> {
    const found = await this.tenantDb.run(user.organisationId, (em) => this.submissions.findView(em, user.organisationId, id));
    if (!found || !(isOrganisationWide(user) || found.createdBy === user.id)) throw new NotFoundException('Soumission introuvable.');
    const phase = phaseOf(found);
    if (phase === null) return { ...found, progress: null };
    return { ...found, progress: { phase, percent: phase === 'applying' ? await this.applyPercent(found.id) : validatedPercent(found) } };
  }

  list(user: AuthUser, query: ListQuery<SubmissionSortField>): Promise<{ rows: SubmissionView[]; total: number }> {
    const filter = {
      ids: uuidList(query.filter),
      status: enumList(query.filter, 'status', SUBMISSION_STATUSES),
      source: enumList(query.filter, 'source', SUBMISSION_SOURCES),
      createdBy: isOrganisationWide(user) ? undefined : user.id,
    };
    return this.tenantDb.run(user.organisationId, (em) => this.submissions.list(em, user.organisationId, filter, query));
  }

  /** The apply's share of rows written, as its job reports it (FiguresProcessor); `null` when Redis does not tell in time. */
  private async applyPercent(submissionId: string): Promise<number | null> {
    const job = this.queues.queue('figures').getJob(submissionJobId(submissionId));
    return jobPercent((await settleWithin(job, PROGRESS_TIMEOUT_MS, undefined))?.progress);
  }

  private headerKey(header: string | undefined): string | undefined {
    if (header === undefined || header === '') return undefined;
    if (!IDEMPOTENCY_KEY.test(header)) {
      throw new BadRequestException('L’en-tête Idempotency-Key doit compter 1 à 128 caractères ASCII visibles, sans espace (par exemple un UUID).');
    }
    return `key:${header}`;
  }

  /**
   * Keys are shared across the organisation for users who see all its submissions; a user whose roles all cover
   * subtrees gets keys of their own. Otherwise they would be handed another user's submission (which they may not read)
   * for the same file, instead of theirs, checked against their own write scope.
   */
  private async store(user: AuthUser, submission: NewSubmission): Promise<Accepted> {
    const idempotencyKey = isOrganisationWide(user) ? submission.idempotencyKey : `${submission.idempotencyKey}|user:${user.id}`;
    const { sameContent, ...stored } = await this.tenantDb.run(user.organisationId, (em) =>
      this.submissions.insertOnce(em, user.organisationId, { ...submission, idempotencyKey }),
    );
    // The same key with other bytes is a client error, not a replay (as payment APIs answer): nothing is stored.
    if (!sameContent) throw new UnprocessableEntityException({ detail: IDEMPOTENCY_KEY_REUSED });
    // A replay of an unfinished submission enqueues again under the same job id: a no-op unless its job was lost.
    if (stored.status === 'received' || stored.status === 'validating') await this.jobs.enqueue(stored.id);
    return stored;
  }
}
