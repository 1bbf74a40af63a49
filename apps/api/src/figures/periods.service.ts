import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { TenantDb } from '../platform/database/tenant-db';
import { ListQuery, stringList } from '../platform/http/list-query';
import type { AuthUser } from '../tenancy/auth-user';
import { isOrganisationWide, unitIdsWithRole, visibleUnitIds } from '../tenancy/unit-scope';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import { leavesUnder } from '../catalogue/org-tree';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { FIGURE_STATUSES, FIGURE_WRITER_ROLES, FigureStatus } from './figure.entity';
import { FigureRepository } from './figure.repository';
import { PeriodSortField, PeriodStatusRepository, PeriodStatusView } from './period-status.repository';
import { enumList, uuidList } from './list-filters';
import type { PeriodActionDto } from './dto/period-action.dto';
import { periodLabel } from './period-label';
import { HistoryRepository, PeriodChangeView } from './history.repository';
import type { Page } from '../platform/database/page';

export type PeriodAction = 'submit' | 'approve' | 'reopen';

const TARGET: Record<PeriodAction, FigureStatus> = { submit: 'submitted', approve: 'approved', reopen: 'draft' };

/**
 * The period workflow (docs/product-rules.md#ingestion) per leaf unit: a finance director submits a period, approval locks it (the ingestion
 * refuses figures of an approved (unit, period)), and a correction needs it reopened with a reason. Every transition
 * is audited in its transaction; a parent unit acts on all the leaf units under it. The caller needs a writer role
 * (finance, admin) on that unit or above; a unit outside all their subtrees is answered as an unknown one.
 */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly periods: PeriodStatusRepository,
    private readonly figures: FigureRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly writer: AuditedTenantWriter,
    private readonly changes: HistoryRepository,
  ) {}

  async act(user: AuthUser, action: PeriodAction, dto: PeriodActionDto): Promise<PeriodStatusView[]> {
    const organisationId = user.organisationId;
    const period = dto.period.replace(/-T([1-4])$/, '-Q$1');
    const reason = dto.reason?.trim() || null;
    if (action === 'reopen' && reason === null)
      throw new BadRequestException('Indiquez le motif de la réouverture (champ reason) : il est gardé dans le journal d’audit.');
    return this.writer.write(
      user,
      { entity: 'period_status', action: `period.${action}` },
      async (em) => {
        const units = await this.catalogue.orgUnits(em, organisationId);
        const root = units.find((u) => u.code === dto.orgUnit);
        if (!root || !visibleUnitIds(user, units).has(root.id))
          throw new BadRequestException(`Unité « ${dto.orgUnit} » inconnue : indiquez le code d’une unité de l’organisation.`);
        if (!unitIdsWithRole(user, units, FIGURE_WRITER_ROLES).has(root.id)) {
          throw new ForbiddenException(
            `Action refusée : il faut le rôle ${FIGURE_WRITER_ROLES.join(' ou ')} sur l’unité ${root.code} ou une unité parente pour soumettre, approuver ou rouvrir ses périodes.`,
          );
        }
        const leaves = leavesUnder(units, root.id);
        const ids = leaves.map((l) => l.id);
        const before = await this.periods.lockRowsWithSubmitter(em, organisationId, ids, period);
        const statusOf = (id: string): FigureStatus => before.get(id)?.status ?? 'draft';
        const approved = leaves.filter((l) => statusOf(l.id) === 'approved');
        if (action === 'submit' && approved.length > 0) {
          throw new ConflictException(
            `Période ${period} déjà approuvée pour ${approved.map((l) => l.code).join(', ')} : rouvrez-la avec un motif avant de la soumettre à nouveau.`,
          );
        }
        if (action === 'approve' && approved.length === leaves.length) throw new ConflictException(`Période ${period} déjà approuvée pour ${dto.orgUnit}.`);
        if (action === 'reopen' && approved.length === 0)
          throw new ConflictException(`Période ${period} non approuvée pour ${dto.orgUnit} : rien à rouvrir, corrigez directement.`);
        const targets = action === 'reopen' ? approved : leaves;
        const target = TARGET[action];
        if (action === 'approve' && (await this.periods.fourEyes(em, organisationId))) {
          const pending = targets.filter((l) => statusOf(l.id) !== 'approved');
          const unsubmitted = pending.filter((l) => statusOf(l.id) !== 'submitted');
          if (unsubmitted.length > 0) {
            throw new ConflictException(
              `Période ${periodLabel(period)} non soumise pour ${unsubmitted.map((l) => l.name).join(', ')} : soumettez-la d’abord ; ` +
                'la règle des quatre yeux demande qu’une autre personne que celle qui l’a soumise l’approuve.',
            );
          }
          const own = pending.filter((l) => before.get(l.id)?.submittedBy === user.id);
          if (own.length > 0) {
            throw new ForbiddenException(
              `Approbation refusée : vous avez soumis la période ${periodLabel(period)} pour ${own.map((l) => l.name).join(', ')}. ` +
                'La règle des quatre yeux demande qu’une autre personne l’approuve ; un administrateur peut la désactiver avec un motif.',
            );
          }
        }
        await this.periods.upsert(
          em,
          organisationId,
          targets.map((l) => l.id),
          period,
          target,
          reason,
          user.id,
        );
        if (action === 'submit') {
          await this.periods.setSubmitter(
            em,
            organisationId,
            targets.map((l) => l.id),
            period,
            user.id,
          );
        }
        await this.figures.setStatus(
          em,
          organisationId,
          targets.map((l) => l.id),
          period,
          target,
        );
        const views = await this.periods.list(
          em,
          organisationId,
          { orgUnits: leaves.map((l) => l.code), periods: [period] },
          { sort: { field: 'orgUnit', order: 'ASC' }, offset: 0, limit: 1000 },
        );
        return {
          value: views.rows,
          changes: targets.map((l) => ({
            entityId: `${l.code}/${period}`.slice(0, 64),
            before: { status: statusOf(l.id) },
            after: { status: target, orgUnit: l.code, period, ...(action === 'approve' ? { submittedBy: before.get(l.id)?.submittedBy ?? null } : {}) },
          })),
        };
      },
      { reason, recompute: { periods: [period] } },
    );
  }

  /** The status history of a (unit, period) row the caller may see: submitted, approved, reopened with its reason. */
  async history(user: AuthUser, id: string): Promise<PeriodChangeView[]> {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const orgUnitIds = isOrganisationWide(user) ? undefined : [...visibleUnitIds(user, await this.catalogue.orgUnits(em, user.organisationId))];
      const page = await this.periods.list(
        em,
        user.organisationId,
        { ids: [id], orgUnitIds },
        { sort: { field: 'period', order: 'ASC' }, offset: 0, limit: 1 },
      );
      const found = page.rows[0];
      if (!found) throw new NotFoundException('Période introuvable.');
      return this.changes.period(em, user.organisationId, found.orgUnit, found.period);
    });
  }

  list(user: AuthUser, query: ListQuery<PeriodSortField>): Promise<Page<PeriodStatusView>> {
    const filter = {
      ids: uuidList(query.filter),
      orgUnits: stringList(query.filter, 'orgUnit', 64),
      periods: stringList(query.filter, 'period', 7),
      status: enumList(query.filter, 'status', FIGURE_STATUSES),
    };
    return this.tenantDb.run(user.organisationId, async (em) => {
      const orgUnitIds = isOrganisationWide(user) ? undefined : [...visibleUnitIds(user, await this.catalogue.orgUnits(em, user.organisationId))];
      return this.periods.list(em, user.organisationId, { ...filter, orgUnitIds }, query);
    });
  }
}
