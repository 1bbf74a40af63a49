import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditWriter } from '../audit/audit.writer';
import { Service } from '../catalogue/service.entity';
import { TenantDb } from '../platform/database/tenant-db';
import { auditCopy, guardConstraints, idFilter, UUID } from '../platform/database/tenant-crud';
import { ListQuery, stringList } from '../platform/http/list-query';
import { RecomputeRequests } from '../platform/queue/recompute-requests';
import type { AuthUser } from '../tenancy/auth-user';
import { checkFundingShares } from './funding-shares';
import { ServiceFunding } from './service-funding.entity';
import { ServiceFundingResponse, toServiceFundingResponse } from './service-funding.mapper';
import { ServiceFundingFilter, ServiceFundingRepository, ServiceFundingSort } from './service-funding.repository';
import { CreateServiceFundingDto, UpdateServiceFundingDto } from './dto/service-funding.dto';

const ENTITY = 'service_funding';
const NOT_FOUND = 'Plan de financement introuvable.';
const CONFLICT = (service: string, year: number) =>
  `Le service ${service} a déjà un plan de financement pour ${year} : modifiez-le plutôt que d’en créer un second.`;
interface Write {
  value: ServiceFundingResponse;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** `filter.year`: one year or a list, integers. */
const yearFilter = (filter: Record<string, unknown>): number[] | undefined => {
  const years = stringList(filter, 'year', 8);
  if (years && !years.every((y) => /^\d{4}$/.test(y))) throw new BadRequestException('Le filtre year doit être une année (ex. 2024) ou une liste d’années.');
  return years?.map(Number);
};

/**
 * Service funding plans per year (who pays each service's spend): admin and finance write, every member of the
 * organisation reads (tenant-wide, like the voted budgets). Each write and its audit row (before/after) commit in one
 * tenant transaction; after the commit a de-duplicated full recompute is scheduled (a queue outage is logged).
 */
@Injectable()
export class ServiceFundingsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: ServiceFundingRepository,
    private readonly audit: AuditWriter,
    private readonly recompute: RecomputeRequests,
  ) {}

  list(user: AuthUser, query: ListQuery<ServiceFundingSort>): Promise<{ rows: ServiceFundingResponse[]; total: number }> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, async (em) => {
      const filter: ServiceFundingFilter = { years: yearFilter(query.filter) };
      // idFilter checks the ids are UUIDs (400 otherwise); the repository takes them as a list
      if (idFilter(query.filter)) filter.ids = stringList(query.filter, 'id', 64);
      const codes = stringList(query.filter, 'service', 64);
      if (codes) filter.serviceIds = (await this.repository.servicesByCodes(em, organisationId, codes)).map((s) => s.id);
      const page = await this.repository.page(em, organisationId, filter, query);
      return { rows: page.rows.map((row) => toServiceFundingResponse(row, row.service!)), total: page.total };
    });
  }

  get(user: AuthUser, id: string): Promise<ServiceFundingResponse> {
    return this.tenantDb.run(user.organisationId, async (em) => {
      const row = await this.owned(em, user.organisationId, id);
      return toServiceFundingResponse(row, row.service!);
    });
  }

  create(user: AuthUser, dto: CreateServiceFundingDto): Promise<ServiceFundingResponse> {
    const organisationId = user.organisationId;
    return this.write(user, 'create', async (em) => {
      const service = await this.service(em, organisationId, dto.service);
      const row = em.create(ServiceFunding, { organisationId, serviceId: service.id, year: dto.year, shares: shares(dto.shares), note: dto.note ?? null });
      const saved = await guardConstraints(() => em.save(ServiceFunding, row), { conflict: CONFLICT(service.code, dto.year) });
      const value = toServiceFundingResponse(saved, service);
      return { value, entityId: saved.id, before: null, after: auditCopy(value) };
    });
  }

  update(user: AuthUser, id: string, dto: UpdateServiceFundingDto): Promise<ServiceFundingResponse> {
    const organisationId = user.organisationId;
    return this.write(user, 'update', async (em) => {
      const row = await this.owned(em, organisationId, id);
      const before = auditCopy(toServiceFundingResponse(row, row.service!));
      const service = dto.service === undefined ? row.service! : await this.service(em, organisationId, dto.service);
      row.serviceId = service.id;
      row.service = service;
      if (dto.year !== undefined) row.year = dto.year;
      if (dto.shares !== undefined) row.shares = shares(dto.shares);
      if (dto.note !== undefined) row.note = dto.note;
      const saved = await guardConstraints(() => em.save(ServiceFunding, row), { conflict: CONFLICT(service.code, row.year) });
      const value = toServiceFundingResponse(saved, service);
      return { value, entityId: id, before, after: auditCopy(value) };
    });
  }

  remove(user: AuthUser, id: string): Promise<ServiceFundingResponse> {
    const organisationId = user.organisationId;
    return this.write(user, 'delete', async (em) => {
      const row = await this.owned(em, organisationId, id);
      const value = toServiceFundingResponse(row, row.service!);
      await em.delete(ServiceFunding, { id, organisationId });
      return { value, entityId: id, before: auditCopy(value), after: null };
    });
  }

  private async write(user: AuthUser, action: 'create' | 'update' | 'delete', work: (em: EntityManager) => Promise<Write>): Promise<ServiceFundingResponse> {
    const organisationId = user.organisationId;
    const value = await this.tenantDb.run(organisationId, async (em) => {
      const outcome = await work(em);
      await this.audit.write(em, organisationId, [
        { actorId: user.id, action: `${ENTITY}.${action}`, entity: ENTITY, entityId: outcome.entityId, before: outcome.before, after: outcome.after },
      ]);
      return outcome.value;
    });
    // who pays changed: every period, under the same de-duplication id as a change of method (one job for both)
    await this.recompute.everyPeriod(organisationId);
    return value;
  }

  private async owned(em: EntityManager, organisationId: string, id: string): Promise<ServiceFunding> {
    const row = UUID.test(id) ? await this.repository.findOne(em, organisationId, id) : null;
    if (!row) throw new NotFoundException(NOT_FOUND);
    return row;
  }

  /** A service of the organisation by code; another tenant's service is unknown here (400, like a typo). */
  private async service(em: EntityManager, organisationId: string, code: string): Promise<Service> {
    const service = await this.repository.serviceByCode(em, organisationId, code);
    if (!service) {
      throw new BadRequestException({
        detail: 'Service inconnu.',
        errors: [`service : service inconnu « ${code} » : indiquez le code d’un service de l’organisation`],
      });
    }
    return service;
  }
}

/** The DTO validated the shares; this returns them normalised (canonical payer order, plain decimals). */
const shares = (raw: Record<string, string>): Record<string, string> => {
  const check = checkFundingShares(raw);
  if (!check.ok) throw new BadRequestException({ detail: 'Parts invalides.', errors: check.errors.map((e) => `shares : ${e}`) });
  return check.shares;
};
