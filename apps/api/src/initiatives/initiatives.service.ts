import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import Decimal from 'decimal.js';
import { subtree, TreeNode } from '../catalogue/org-tree';
import { Metric } from '../catalogue/metric.entity';
import { OrgUnitRepository } from '../catalogue/org-unit.repository';
import { Service } from '../catalogue/service.entity';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import { TenantDb } from '../platform/database/tenant-db';
import { idFilter } from '../platform/database/tenant-crud';
import { RecordDeclaration, RecordScope, TenantRecords } from '../platform/database/tenant-records';
import { ListQuery, stringList } from '../platform/http/list-query';
import type { AuthUser } from '../tenancy/auth-user';
import type { Role } from '../tenancy/role-assignment.entity';
import { unitIdsWithRole, visibleUnitIds } from '../tenancy/unit-scope';
import { INITIATIVE_STATUS_LABELS, INITIATIVE_STATUSES, isInitiativeStatus } from './initiative-status';
import { Initiative } from './initiative.entity';
import { InitiativeResponse, InitiativesSummaryResponse, toInitiativeResponse } from './initiative.mapper';
import { InitiativeFilter, InitiativeRepository, InitiativeSort } from './initiative.repository';
import { CreateInitiativeDto } from './dto/initiative.dto';

/** Who may declare and edit an initiative, over the subtree of their role (a viewer reads only). */
export const INITIATIVE_WRITERS: readonly Role[] = ['admin', 'finance', 'director'];

/** Fields an update may leave out but never empty (null). */
const REQUIRED = ['title', 'orgUnit', 'team', 'service', 'startDate', 'status'] as const;

type Unit = TreeNode & { name: string };

const badRequest = (detail: string, error: string): BadRequestException => new BadRequestException({ detail, errors: [error] });

/** `2024-02-30` passes the format but is no day: refused here, before PostgreSQL would. */
const isCalendarDate = (text: string): boolean => {
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 2000 && y <= 2100;
};

type Scope = RecordScope<Unit[], AuthUser>;

/** A unit by code where the caller may write: unknown or unseen → 400 (like a typo), seen but read-only → 403. */
const writableUnit = (user: AuthUser, units: readonly Unit[], code: string): Unit => {
  const unit = units.find((u) => u.code === code);
  if (!unit || !visibleUnitIds(user, units).has(unit.id)) {
    throw badRequest('Unité inconnue.', `orgUnit : unité inconnue « ${code.slice(0, 64)} » : indiquez le code d’une unité de votre périmètre`);
  }
  if (!unitIdsWithRole(user, units, INITIATIVE_WRITERS).has(unit.id)) {
    throw new ForbiddenException(`Vos rôles ne permettent pas de déclarer ou modifier une initiative de l’unité « ${unit.name} ».`);
  }
  return unit;
};

const initiative = (
  repository: InitiativeRepository,
  orgUnits: OrgUnitRepository,
): RecordDeclaration<Initiative, InitiativeResponse, CreateInitiativeDto, Unit[], AuthUser> => {
  const service = async ({ em, organisationId }: Scope, code: string): Promise<Service> => {
    const found = await repository.serviceByCode(em, organisationId, code);
    if (!found) throw badRequest('Service inconnu.', `service : service inconnu « ${code.slice(0, 64)} » : indiquez le code d’un service de l’organisation`);
    return found;
  };
  const metric = async ({ em, organisationId }: Scope, code: string): Promise<Metric> => {
    const found = await repository.metricByCode(em, organisationId, code);
    if (!found)
      throw badRequest(
        'Métrique inconnue.',
        `metric : métrique inconnue « ${code.slice(0, 96)} » : indiquez le code d’une métrique de l’organisation, ou rien`,
      );
    return found;
  };
  return {
    entity: Initiative,
    what: 'Initiative',
    audit: 'initiative',
    // the units, to see and write by subtree
    context: (em, user) => orgUnits.all(em, user.organisationId),
    toResponse: toInitiativeResponse,
    page: async ({ em, user, organisationId, ctx: units }, query) => {
      const visible = visibleUnitIds(user, units);
      let unitIds = [...visible];
      const unitCodes = stringList(query.filter, 'orgUnit', 64);
      if (unitCodes) {
        const roots = units.filter((u) => unitCodes.includes(u.code) && visible.has(u.id));
        unitIds = [...new Set(roots.flatMap((root) => subtree(units, root.id).map((u) => u.id)))];
      }
      const filter: InitiativeFilter = { unitIds };
      // idFilter checks the ids are UUIDs (400 otherwise)
      if (idFilter(query.filter)) filter.ids = stringList(query.filter, 'id', 64);
      const statuses = stringList(query.filter, 'status', 8);
      if (statuses) {
        const unknown = statuses.find((s) => !isInitiativeStatus(s));
        if (unknown !== undefined)
          throw new BadRequestException(`Le filtre status ne connaît pas « ${unknown.slice(0, 32)} » : statuts possibles ${INITIATIVE_STATUSES.join(', ')}.`);
        filter.statuses = statuses;
      }
      const codes = stringList(query.filter, 'service', 64);
      if (codes) filter.serviceIds = (await repository.servicesByCodes(em, organisationId, codes)).map((s) => s.id);
      return repository.page(em, organisationId, filter, query as ListQuery<InitiativeSort>);
    },
    // an initiative whose unit the caller sees (another subtree's is a 404, like another tenant's)
    find: async ({ em, user, organisationId, ctx: units }, id) => {
      const row = await repository.findOne(em, organisationId, id);
      return row && visibleUnitIds(user, units).has(row.orgUnitId) ? row : null;
    },
    defaults: { hours: '0', euros: '0', itemsLent: null, results: null, metric: null },
    apply: async (row, dto, scope) => {
      const { user, ctx: units, created } = scope;
      if (!created) {
        writableUnit(user, units, row.orgUnit!.code);
        const cleared = REQUIRED.filter((field) => dto[field] === null);
        if (cleared.length > 0)
          throw new BadRequestException({
            detail: 'Champ obligatoire.',
            errors: cleared.map((field) => `${field} : valeur obligatoire, ne peut pas être vidée`),
          });
      } else row.createdBy = user.id;
      if (dto.orgUnit !== undefined) row.orgUnitId = writableUnit(user, units, dto.orgUnit).id;
      if (dto.service !== undefined) row.serviceId = (await service(scope, dto.service)).id;
      if (dto.metric !== undefined) row.metricId = dto.metric === null ? null : (await metric(scope, dto.metric)).id;
      if (dto.startDate !== undefined) {
        checkDate(dto.startDate);
        row.startDate = dto.startDate;
      }
      if (dto.title !== undefined) row.title = dto.title.trim();
      if (dto.team !== undefined) row.team = dto.team.trim();
      if (dto.status !== undefined) row.status = dto.status;
      if (dto.hours !== undefined) row.hours = new Decimal(dto.hours ?? '0');
      if (dto.euros !== undefined) row.euros = new Decimal(dto.euros ?? '0');
      if (dto.itemsLent !== undefined) row.itemsLent = dto.itemsLent;
      if (dto.results !== undefined) row.results = dto.results;
    },
    // relations loaded by findOne would win over the changed ids on save: write the columns only (read again after)
    save: async ({ em }, row) => {
      const { orgUnit: _unit, service: _service, metric: _metric, ...columns } = row;
      return em.save(Initiative, columns);
    },
    beforeDelete: async (row, { user, ctx: units }) => {
      writableUnit(user, units, row.orgUnit!.code);
    },
  };
};

/**
 * Agents' initiatives (PIFPP, issue 18): a register of what teams started without prior permission. Tenant-scoped,
 * then subtree-scoped: read by every member whose roles cover the initiative's unit, written by admin, finance and
 * director over their subtree. Each write and its audit row (before/after) commit in one tenant transaction.
 */
@Injectable()
export class InitiativesService extends TenantRecords<Initiative, InitiativeResponse, CreateInitiativeDto, Unit[], AuthUser> {
  constructor(
    tenantDb: TenantDb,
    writer: AuditedTenantWriter,
    private readonly repository: InitiativeRepository,
    private readonly orgUnits: OrgUnitRepository,
  ) {
    super(initiative(repository, orgUnits), tenantDb, writer);
  }

  /** Initiatives by status and the resources they mobilised, over a unit's subtree (default: all the caller sees). */
  summary(user: AuthUser, orgUnit: string | undefined): Promise<InitiativesSummaryResponse> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, async (em) => {
      const units = await this.orgUnits.all(em, organisationId);
      const visible = visibleUnitIds(user, units);
      let unitIds = [...visible];
      if (orgUnit !== undefined) {
        const root = units.find((u) => u.code === orgUnit);
        if (!root || !visible.has(root.id)) throw new NotFoundException(`Unité « ${orgUnit.slice(0, 64)} » introuvable.`);
        unitIds = subtree(units, root.id).map((u) => u.id);
      }
      const { counts, hours, euros } = await this.repository.summary(em, organisationId, unitIds);
      const byStatus = INITIATIVE_STATUSES.map((status) => ({ status, label: INITIATIVE_STATUS_LABELS[status], count: counts.get(status) ?? 0 }));
      return { byStatus, count: byStatus.reduce((n, s) => n + s.count, 0), hours, euros };
    });
  }
}

const checkDate = (text: string): void => {
  if (!isCalendarDate(text)) throw badRequest('Date invalide.', `startDate : « ${text} » n’est pas un jour du calendrier entre 2000 et 2100`);
};
