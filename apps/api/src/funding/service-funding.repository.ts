import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsOrder, FindOptionsWhere, In } from 'typeorm';
import { Service } from '../catalogue/service.entity';
import { FundingPlans, FundingShares } from './funding-plan';
import { ServiceFunding } from './service-funding.entity';
import type { Page, PageRequest } from '../platform/database/page';

export const SERVICE_FUNDING_SORTS = ['year', 'service', 'updatedAt'] as const;
export type ServiceFundingSort = (typeof SERVICE_FUNDING_SORTS)[number];

export interface ServiceFundingFilter {
  ids?: string[];
  serviceIds?: string[];
  years?: number[];
}

/**
 * Queries of `service_funding`, always inside a tenant transaction (the EntityManager of `TenantDb.run`): the
 * ra-data-simple-rest list, and the funding plans the recompute reads.
 */
@Injectable()
export class ServiceFundingRepository {
  /**
   * Every funding plan of the organisation: service code → year → shares (payer code → decimal string summing to 1).
   * A service or year absent from the map has no plan: the engine then applies its default `{ COMMUNE_CCAS: "1" }`
   * (conventions 2 §2.5; `fundingFor` in funding-plan.ts applies it). Called by the recompute inside its transaction.
   */
  async fundingByServiceYear(em: EntityManager, organisationId: string): Promise<Map<string, Map<number, Record<string, string>>>> {
    const rows: { code: string; year: number; shares: FundingShares }[] = await em.query(
      `SELECT s.code, f.year, f.shares
         FROM service_funding f JOIN service s ON s.id = f.service_id
        WHERE f.organisation_id = $1
        ORDER BY s.code, f.year`,
      [organisationId],
    );
    const plans: FundingPlans = new Map();
    for (const row of rows) {
      let years = plans.get(row.code);
      if (!years) plans.set(row.code, (years = new Map()));
      years.set(Number(row.year), { ...row.shares });
    }
    return plans;
  }

  async page(em: EntityManager, organisationId: string, filter: ServiceFundingFilter, query: PageRequest<ServiceFundingSort>): Promise<Page<ServiceFunding>> {
    const where: FindOptionsWhere<ServiceFunding> = { organisationId };
    if (filter.ids) where.id = In(filter.ids);
    if (filter.serviceIds) where.serviceId = In(filter.serviceIds);
    if (filter.years) where.year = In(filter.years);
    const { field, order } = query.sort;
    const primary: FindOptionsOrder<ServiceFunding> =
      field === 'service' ? { service: { label: order } } : field === 'year' ? { year: order, service: { label: 'ASC' } } : { updatedAt: order };
    const [rows, total] = await em.findAndCount(ServiceFunding, {
      where,
      relations: { service: true },
      order: { ...primary, ...(field === 'service' ? { year: 'DESC' } : {}), id: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return { rows, total };
  }

  /** One plan of the organisation with its service, or null (another tenant's id, or none). */
  findOne(em: EntityManager, organisationId: string, id: string): Promise<ServiceFunding | null> {
    return em.findOne(ServiceFunding, { where: { id, organisationId }, relations: { service: true } });
  }

  serviceByCode(em: EntityManager, organisationId: string, code: string): Promise<Service | null> {
    return em.findOne(Service, { where: { organisationId, code } });
  }

  servicesByCodes(em: EntityManager, organisationId: string, codes: readonly string[]): Promise<Service[]> {
    return em.find(Service, { where: { organisationId, code: In([...codes]) } });
  }
}
