import { BadRequestException, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Service } from '../catalogue/service.entity';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import { TenantDb } from '../platform/database/tenant-db';
import { idFilter } from '../platform/database/tenant-crud';
import { RecordDeclaration, TenantRecords } from '../platform/database/tenant-records';
import { stringList } from '../platform/http/list-query';
import { checkFundingShares } from './funding-shares';
import { ServiceFunding } from './service-funding.entity';
import { ServiceFundingResponse, toServiceFundingResponse } from './service-funding.mapper';
import { ServiceFundingFilter, ServiceFundingRepository, ServiceFundingSort } from './service-funding.repository';
import { CreateServiceFundingDto } from './dto/service-funding.dto';

/** `filter.year`: one year or a list, integers. */
const yearFilter = (filter: Record<string, unknown>): number[] | undefined => {
  const years = stringList(filter, 'year', 8);
  if (years && !years.every((y) => /^\d{4}$/.test(y))) throw new BadRequestException('Le filtre year doit être une année (ex. 2024) ou une liste d’années.');
  return years?.map(Number);
};

/** The DTO validated the shares; this returns them normalised (canonical payer order, plain decimals). */
const shares = (raw: Record<string, string>): Record<string, string> => {
  const check = checkFundingShares(raw);
  if (!check.ok) throw new BadRequestException({ detail: 'Parts invalides.', errors: check.errors.map((e) => `shares : ${e}`) });
  return check.shares;
};

/** A service of the organisation by code; another tenant's service is unknown here (400, like a typo). */
const serviceByCode = async (repository: ServiceFundingRepository, em: EntityManager, organisationId: string, code: string): Promise<Service> => {
  const service = await repository.serviceByCode(em, organisationId, code);
  if (!service) {
    throw new BadRequestException({
      detail: 'Service inconnu.',
      errors: [`service : service inconnu « ${code} » : indiquez le code d’un service de l’organisation`],
    });
  }
  return service;
};

const serviceFunding = (repository: ServiceFundingRepository): RecordDeclaration<ServiceFunding, ServiceFundingResponse, CreateServiceFundingDto> => ({
  entity: ServiceFunding,
  what: 'Plan de financement',
  audit: 'service_funding',
  // who pays changed: every period, under the same de-duplication id as a change of method (one job for both)
  recompute: 'every-period',
  toResponse: (row) => toServiceFundingResponse(row, row.service!),
  // the plans are listed and read with their service (sorted by its label)
  page: async ({ em, organisationId }, query) => {
    const filter: ServiceFundingFilter = { years: yearFilter(query.filter) };
    // idFilter checks the ids are UUIDs (400 otherwise); the repository takes them as a list
    if (idFilter(query.filter)) filter.ids = stringList(query.filter, 'id', 64);
    const codes = stringList(query.filter, 'service', 64);
    if (codes) filter.serviceIds = (await repository.servicesByCodes(em, organisationId, codes)).map((s) => s.id);
    return repository.page(em, organisationId, filter, query as Parameters<ServiceFundingRepository['page']>[3] & { sort: { field: ServiceFundingSort } });
  },
  find: ({ em, organisationId }, id) => repository.findOne(em, organisationId, id),
  defaults: { note: null },
  apply: async (row, dto, { em, organisationId }) => {
    if (dto.service !== undefined) {
      const service = await serviceByCode(repository, em, organisationId, dto.service);
      row.serviceId = service.id;
      row.service = service;
    }
    if (dto.year !== undefined) row.year = dto.year;
    if (dto.shares !== undefined) row.shares = shares(dto.shares);
    if (dto.note !== undefined) row.note = dto.note;
  },
  conflict: (row) => `Le service ${row.service!.code} a déjà un plan de financement pour ${row.year} : modifiez-le plutôt que d’en créer un second.`,
});

/**
 * Service funding plans per year (who pays each service's spend): admin and finance write, every member of the
 * organisation reads (tenant-wide, like the voted budgets). Each write and its audit row (before/after) commit in one
 * tenant transaction; after the commit a de-duplicated full recompute is scheduled (a queue outage is logged).
 */
@Injectable()
export class ServiceFundingsService extends TenantRecords<ServiceFunding, ServiceFundingResponse, CreateServiceFundingDto> {
  constructor(tenantDb: TenantDb, writer: AuditedTenantWriter, repository: ServiceFundingRepository) {
    super(serviceFunding(repository), tenantDb, writer);
  }
}
