import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { TenantDb } from '../platform/database/tenant-db';
import { ListQuery } from '../platform/http/list-query';
import type { AuthUser } from '../tenancy/auth-user';
import { isOrganisationWide } from '../tenancy/unit-scope';
import { SUBMISSION_SOURCES } from './figure.entity';
import { SUBMISSION_STATUSES, SubmissionStatus } from './submission.entity';
import { NewSubmission, SubmissionRepository, SubmissionSortField, SubmissionView } from './submission.repository';
import { SubmissionJobs } from './submission-jobs';
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

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The API's side of a submission (SPEC §7): store it durably first, then enqueue its job, and answer with its id.
 * Idempotency key: the `Idempotency-Key` header; else, for a file, its SHA-256 (the target organisation is part of the
 * unique key); a JSON body without header gets a key of its own (see `jsonKey`).
 * Reading: a caller with an organisation-wide role sees every submission of the organisation; one whose roles all
 * cover subtrees sees only the submissions they created (a file may span units beyond theirs), others answer 404.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly submissions: SubmissionRepository,
    private readonly jobs: SubmissionJobs,
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

  async get(user: AuthUser, id: string): Promise<SubmissionView> {
    const found = await this.tenantDb.run(user.organisationId, (em) => this.submissions.findView(em, user.organisationId, id));
    if (!found || !(isOrganisationWide(user) || found.createdBy === user.id)) throw new NotFoundException('Soumission introuvable.');
    return found;
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

  private headerKey(header: string | undefined): string | undefined {
    if (header === undefined || header === '') return undefined;
    if (!IDEMPOTENCY_KEY.test(header)) {
      throw new BadRequestException('L’en-tête Idempotency-Key doit compter 1 à 128 caractères ASCII visibles, sans espace (par exemple un UUID).');
    }
    return `key:${header}`;
  }

  private async store(user: AuthUser, submission: NewSubmission): Promise<Accepted> {
    const stored = await this.tenantDb.run(user.organisationId, (em) => this.submissions.insertOnce(em, user.organisationId, submission));
    // A replay of an unfinished submission enqueues again under the same job id: a no-op unless its job was lost.
    if (stored.status === 'received' || stored.status === 'validating') await this.jobs.enqueue(stored.id);
    return stored;
  }
}
