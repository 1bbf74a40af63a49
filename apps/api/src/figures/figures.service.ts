import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TenantDb } from '../platform/database/tenant-db';
import { ListQuery, stringList } from '../platform/http/list-query';
import { periodYearAccepted, periodYearMessage } from '../platform/http/period-years';
import type { AuthUser } from '../tenancy/auth-user';
import { isOrganisationWide, unitIdsWithRole, visibleUnitIds } from '../tenancy/unit-scope';
import type { TreeNode } from '../catalogue/org-tree';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { FIGURE_STATUSES, FIGURE_WRITER_ROLES, SUBMISSION_SOURCES } from './figure.entity';
import { FigureFilter, FigureRepository, FigureSortField, FigureView } from './figure.repository';
import { PeriodStatusRepository } from './period-status.repository';
import { SubmissionRepository } from './submission.repository';
import { RecomputeRequests } from '../platform/queue/recompute-requests';
import { toIngestionCatalogue } from './ingestion/figure-catalogue';
import { JSON_CONTENT_TYPE } from './ingestion/submission-payload';
import { validateRows } from './parsing/validate-rows';
import { outlierFlag } from './quality/outlier-flag';
import { FigureWriter } from './figure-writer';
import { enumList, uuidList } from './list-filters';
import type { UpdateFigureDto } from './dto/update-figure.dto';
import { FigureChangeView, HistoryRepository } from './history.repository';
import type { Page } from '../platform/database/page';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/;

/** Outside the caller's subtrees: 404 (as another tenant's figure); visible but without a writer role there: 403. */
const assertWritable = (user: AuthUser, units: readonly TreeNode[], figure: { orgUnitId: string; orgUnit: string }): void => {
  if (!visibleUnitIds(user, units).has(figure.orgUnitId)) throw new NotFoundException('Chiffre introuvable.');
  if (!unitIdsWithRole(user, units, FIGURE_WRITER_ROLES).has(figure.orgUnitId)) {
    throw new ForbiddenException(
      `Correction refusée : il faut le rôle ${FIGURE_WRITER_ROLES.join(' ou ')} sur l’unité ${figure.orgUnit} ou une unité parente ; demandez-le à un administrateur.`,
    );
  }
};

/**
 * Reading figures, and the single edit. A single edit is applied synchronously in one transaction, not queued: the form
 * gets the saved value back at once. It still goes through the pipeline's rules and writes: the same row validation
 * (`validateRows`), the same approved-period lock, the same upsert-and-audit statement, a submission row (source
 * `form`, applied on the spot) as its durable record, and the same recompute job.
 */
@Injectable()
export class FiguresService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly figures: FigureRepository,
    private readonly writer: FigureWriter,
    private readonly submissions: SubmissionRepository,
    private readonly periods: PeriodStatusRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly recompute: RecomputeRequests,
    private readonly changes: HistoryRepository,
  ) {}

  list(user: AuthUser, query: ListQuery<FigureSortField>): Promise<Page<FigureView>> {
    const periods = stringList(query.filter, 'period', 7);
    const outOfRange = periods?.find((p) => !periodYearAccepted(p));
    if (outOfRange !== undefined) throw new BadRequestException(`Filtre ${periodYearMessage('period', outOfRange)}`);
    const range = (key: string): string | undefined => {
      const v = query.filter[key];
      if (v === undefined || v === null || v === '') return undefined;
      if (typeof v !== 'string' || !PERIOD.test(v)) throw new BadRequestException(`Le filtre ${key} doit être une période comme 2024-03.`);
      if (!periodYearAccepted(v)) throw new BadRequestException(`Filtre ${periodYearMessage(key, v)}`);
      return v;
    };
    const filter: FigureFilter = {
      ids: uuidList(query.filter),
      orgUnits: stringList(query.filter, 'orgUnit', 64),
      services: stringList(query.filter, 'service', 64),
      metrics: stringList(query.filter, 'metric', 96),
      periods: periods?.map((p) => p.replace(/-T([1-4])$/, '-Q$1')),
      periodFrom: range('periodFrom'),
      periodTo: range('periodTo'),
      status: enumList(query.filter, 'status', FIGURE_STATUSES),
      source: enumList(query.filter, 'source', SUBMISSION_SOURCES),
    };
    return this.tenantDb.read(user.organisationId, async (em) => {
      const orgUnitIds = isOrganisationWide(user) ? undefined : [...visibleUnitIds(user, await this.catalogue.orgUnits(em, user.organisationId))];
      return this.figures.list(em, user.organisationId, { ...filter, orgUnitIds }, query);
    });
  }

  /** A figure of a unit outside the caller's subtrees answers 404, as another tenant's would. */
  async get(user: AuthUser, id: string): Promise<FigureView> {
    const found = await this.tenantDb.run(user.organisationId, async (em) => {
      const view = await this.figures.findView(em, user.organisationId, id);
      if (!view || isOrganisationWide(user)) return view;
      const units = await this.catalogue.orgUnits(em, user.organisationId);
      const unit = units.find((u) => u.code === view.orgUnit);
      return unit && visibleUnitIds(user, units).has(unit.id) ? view : null;
    });
    if (!found) throw new NotFoundException('Chiffre introuvable.');
    return found;
  }

  /** The figure's changes, newest first, for whoever may read the figure. */
  async history(user: AuthUser, id: string): Promise<FigureChangeView[]> {
    await this.get(user, id);
    return this.tenantDb.run(user.organisationId, (em) => this.changes.figure(em, user.organisationId, id));
  }

  async update(user: AuthUser, id: string, dto: UpdateFigureDto): Promise<FigureView> {
    const organisationId = user.organisationId;
    const { view, periods } = await this.tenantDb.run(organisationId, async (em) => {
      const current = await this.figures.findResolved(em, organisationId, id);
      if (!current) throw new NotFoundException('Chiffre introuvable.');
      const resolved = await this.catalogue.catalogue(em, organisationId);
      assertWritable(user, resolved.orgUnits, current);
      const catalogue = toIngestionCatalogue(resolved);
      const comment = dto.comment === undefined || dto.comment === null ? current.comment : dto.comment;
      const validated = validateRows({
        rows: [
          { line: 1, cells: { orgUnit: current.orgUnit, service: current.service, metric: current.metric, period: current.period, value: dto.value, comment } },
        ],
        catalogue: catalogue.catalogue,
      });
      if (!validated.ok)
        throw new UnprocessableEntityException({
          detail: validated.errors.map((e) => e.message).join(' '),
          errors: validated.errors.map((e) => ({ field: e.column, message: e.message })),
        });
      // the value before is read under the figure's write lock, like an import's
      await this.writer.lockFigures(em, organisationId, [current]);
      const approved = await this.periods.approved(em, organisationId, [current], true);
      if (approved.size > 0) {
        throw new ConflictException(
          `Période approuvée : ${current.period} est approuvée pour ${current.orgUnit} ; rouvrez-la avec un motif avant de corriger ce chiffre.`,
        );
      }
      const next = { ...current, value: validated.rows[0].value, comment: comment ?? null };
      const stored = await this.writer.storedSeries(em, organisationId, [next]);
      const flag = outlierFlag(next, 1, stored.history(next), catalogue.catalogue);
      const flags = flag ? [flag] : [];
      const payload = {
        figures: [
          { orgUnit: next.orgUnit, service: next.service, metric: next.metric, period: next.period, value: next.value, ...(comment ? { comment } : {}) },
        ],
      };
      const submissionId = await this.submissions.insertApplied(
        em,
        organisationId,
        {
          source: 'form',
          idempotencyKey: `form:${randomUUID()}`,
          fileName: null,
          contentType: JSON_CONTENT_TYPE,
          payload: Buffer.from(JSON.stringify(payload)),
          createdBy: user.id,
        },
        flags,
      );
      const ctx = { submissionId, actorId: user.id, source: 'form' as const, reason: dto.reason ?? null };
      const result = await this.writer.write(em, organisationId, ctx, this.writer.plan([next], stored));
      return { view: (await this.figures.findView(em, organisationId, id))!, periods: result.periods };
    });
    await this.recompute.periodsChanged(organisationId, periods);
    return view;
  }
}
