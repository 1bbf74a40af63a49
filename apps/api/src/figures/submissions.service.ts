import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AuditedChange, AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import { TenantDb } from '../platform/database/tenant-db';
import { ListQuery } from '../platform/http/list-query';
import { JobProducer } from '../platform/queue/job-producer';
import type { AuthUser } from '../tenancy/auth-user';
import { isOrganisationWide } from '../tenancy/unit-scope';
import { SUBMISSION_SOURCES } from './figure.entity';
import { SUBMISSION_STATUSES, SubmissionStatus } from './submission.entity';
import type { EntityManager } from 'typeorm';

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  received: 'reçue',
  validating: 'en cours de vérification',
  rejected: 'refusée',
  applied: 'appliquée',
  previewed: 'aperçu prêt',
  discarded: 'abandonnée',
};
import { NewSubmission, SubmissionRepository, SubmissionSortField, SubmissionView } from './submission.repository';
import { SubmissionJobs, submissionJobId } from './submission-jobs';
import { JSON_CONTENT_TYPE, JsonSubmissionPayload } from './ingestion/submission-payload';
import type { SubmitFiguresDto } from './dto/submit-figures.dto';
import { enumList, uuidList } from './list-filters';
import { MappingError, parseImportMapping, type ImportMapping } from './parsing/import-mapping';
import { ImportTemplateRepository } from './import-templates/import-template.repository';

/** How a submission is to be read and run: a dry run (preview), and the mapping or saved template of its columns. */
export interface SubmitOptions {
  dryRun?: boolean;
  /** A saved import template's id. */
  template?: string;
  /** A column mapping as JSON text (multipart field) or object (JSON body). */
  mapping?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    case 'previewed':
    case 'discarded':
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

/** The audit row of a decision on a preview (apply, discard): the submission, its file, its status before → after. */
const decisionRow = (id: string, fileName: string | null, status: SubmissionStatus): AuditedChange => ({
  entityId: id,
  submissionId: id,
  before: { status: 'previewed', fileName },
  after: { status, fileName },
});

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;
export const IDEMPOTENCY_KEY_REUSED =
  'Cette clé d’idempotence a déjà servi pour un autre contenu : renvoyez le même contenu pour relire la première soumission, ou envoyez ce nouveau contenu avec une nouvelle clé (par exemple un nouvel UUID).';
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The API's side of a submission (docs/product-rules.md#ingestion): store it durably first, then enqueue its job, and answer with its id.
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
    private readonly templates: ImportTemplateRepository,
    private readonly writer: AuditedTenantWriter,
  ) {}

  async submitFile(user: AuthUser, file: UploadedFigureFile, idempotencyKey: string | undefined, options: SubmitOptions = {}): Promise<Accepted> {
    if (file.buffer.length === 0) throw new BadRequestException('Le fichier est vide : aucune ligne à importer.');
    const fileName = file.originalname.slice(0, 255) || null;
    const mapping = await this.mappingOf(user, options);
    const base = this.headerKey(idempotencyKey) ?? `file:${sha256(file.buffer)}`;
    return this.store(user, {
      source: 'import',
      idempotencyKey: this.runKey(base, mapping, options.dryRun === true, idempotencyKey !== undefined && idempotencyKey !== ''),
      fileName,
      contentType: file.mimetype.slice(0, 128) || null,
      payload: file.buffer,
      createdBy: user.id,
      dryRun: options.dryRun === true,
      mapping,
    });
  }

  /**
   * Applies a previewed submission through the same pipeline (its job runs again, for real). Refused while its preview
   * holds errors (422), and with 409 when it changes stored values without `confirmOverwrite`. Who applied it, and when,
   * is an audit row (`submission.apply`) of the same transaction; the figures' own rows come with their write.
   */
  async apply(user: AuthUser, id: string, confirmOverwrite: boolean): Promise<Accepted> {
    await this.writer.write(user, { entity: 'submission', action: 'submission.apply' }, async (em) => {
      const found = await this.previewOf(em, user, id);
      const preview = found.preview;
      if (preview === null) throw new ConflictException('Cette soumission n’a pas d’aperçu à appliquer.');
      if (preview.errors.length > 0) {
        throw new UnprocessableEntityException({
          detail: `L’aperçu compte ${preview.errors.length} erreur${preview.errors.length > 1 ? 's' : ''} : corrigez le fichier et déposez-le de nouveau ; rien n’a été enregistré.`,
        });
      }
      if (preview.changed.length > 0 && !confirmOverwrite) {
        const n = preview.changed.length;
        throw new ConflictException(
          `Cette soumission remplace ${n} valeur${n > 1 ? 's' : ''} déjà saisie${n > 1 ? 's' : ''} : confirmez le remplacement (confirmOverwrite: true) pour l’appliquer.`,
        );
      }
      await this.submissions.startApply(em, id, confirmOverwrite);
      return { value: undefined, ...decisionRow(id, found.fileName, 'received'), after: { status: 'received', fileName: found.fileName, confirmOverwrite } };
    });
    // its dry run's job is completed under the same id: it goes, so that the apply's job is not taken for a replay
    try {
      await this.jobs.requeue(id);
    } catch {
      // Redis unavailable: the submission is committed as received, the reconciler will enqueue it
    }
    return { id, status: 'received', created: false };
  }

  /** Abandons a previewed submission: nothing was written, nothing will be. Who abandoned it is an audit row (`submission.discard`). */
  async discard(user: AuthUser, id: string): Promise<void> {
    await this.writer.write(user, { entity: 'submission', action: 'submission.discard' }, async (em) => {
      const found = await this.previewOf(em, user, id);
      await this.submissions.discard(em, id);
      return { value: undefined, ...decisionRow(id, found.fileName, 'discarded') };
    });
  }

  private async previewOf(em: EntityManager, user: AuthUser, id: string) {
    const found = await this.submissions.lockPreview(em, user.organisationId, id);
    if (!found || !(isOrganisationWide(user) || found.createdBy === user.id)) throw new NotFoundException('Soumission introuvable.');
    if (found.status !== 'previewed') {
      throw new ConflictException(
        `Cette soumission n’est pas un aperçu en attente (statut : ${SUBMISSION_STATUS_LABELS[found.status]}) : rien à appliquer ni à abandonner.`,
      );
    }
    return found;
  }

  /** The mapping a submission is read with: the saved template's (a snapshot), the one given, or none (detection). */
  private async mappingOf(user: AuthUser, options: SubmitOptions): Promise<ImportMapping | null> {
    if (options.template !== undefined && options.template !== '' && options.mapping !== undefined && options.mapping !== '') {
      throw new BadRequestException('Indiquez soit un modèle d’import enregistré (template), soit une correspondance des colonnes (mapping), pas les deux.');
    }
    if (options.template !== undefined && options.template !== '') {
      if (!UUID.test(options.template)) throw new BadRequestException('template doit être l’identifiant d’un modèle d’import enregistré.');
      const template = await this.tenantDb.run(user.organisationId, (em) => this.templates.find(em, user.organisationId, options.template!));
      if (!template) throw new BadRequestException('Modèle d’import introuvable : choisissez un modèle enregistré de votre organisation.');
      return template.mapping;
    }
    if (options.mapping === undefined || options.mapping === '') return null;
    let raw: unknown = options.mapping;
    if (typeof raw === 'string') {
      try {
        raw = JSON.parse(raw);
      } catch {
        throw new BadRequestException('mapping doit être un objet JSON { layout, columns, … } : le texte envoyé n’est pas du JSON valide.');
      }
    }
    try {
      return parseImportMapping(raw);
    } catch (error) {
      if (error instanceof MappingError) throw new BadRequestException(error.message);
      throw error;
    }
  }

  /**
   * The idempotency key of a run: the mapping is part of it (the same file read another way is another submission);
   * a dry run gets its own key, fresh each time unless the client gave one, so a preview never replays an import.
   */
  private runKey(base: string, mapping: ImportMapping | null, dryRun: boolean, fromHeader: boolean): string {
    const withMapping = mapping === null ? base : `${base}|m:${sha256(Buffer.from(JSON.stringify(mapping))).slice(0, 16)}`;
    if (!dryRun) return withMapping;
    return fromHeader ? `${withMapping}|apercu` : `${withMapping}|apercu:${randomUUID()}`;
  }

  submitJson(user: AuthUser, dto: SubmitFiguresDto, idempotencyKey: string | undefined, options: SubmitOptions = {}): Promise<Accepted> {
    // `null` passes @IsOptional like an absent field: both mean nothing to record, never a crash
    if (!Array.isArray(dto.figures)) {
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
    const base = this.headerKey(idempotencyKey) ?? `json:${randomUUID()}`;
    return this.store(user, {
      source: dto.source ?? 'api',
      idempotencyKey: options.dryRun === true ? `${base}|apercu` : base,
      fileName: null,
      contentType: JSON_CONTENT_TYPE,
      payload: Buffer.from(JSON.stringify(payload), 'utf8'),
      createdBy: user.id,
      dryRun: options.dryRun === true,
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
    return this.tenantDb.read(user.organisationId, (em) => this.submissions.list(em, user.organisationId, filter, query));
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
