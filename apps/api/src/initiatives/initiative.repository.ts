import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, In } from 'typeorm';
import { Metric } from '../catalogue/metric.entity';
import { OrgUnit } from '../catalogue/org-unit.entity';
import { Service } from '../catalogue/service.entity';
import { InitiativeStatus } from './initiative-status';
import { Initiative } from './initiative.entity';
import type { Page, PageRequest } from '../platform/database/page';

export const INITIATIVE_SORTS = ['startDate', 'title', 'status', 'updatedAt'] as const;
export type InitiativeSort = (typeof INITIATIVE_SORTS)[number];

export interface InitiativeFilter {
  unitIds: string[];
  ids?: string[];
  statuses?: string[];
  serviceIds?: string[];
}

const RELATIONS = { orgUnit: true, service: true, metric: true } as const;

/** Queries of `initiative`, always inside a tenant transaction (the EntityManager of `TenantDb.run`). */
@Injectable()
export class InitiativeRepository {
  async page(em: EntityManager, organisationId: string, filter: InitiativeFilter, query: PageRequest<InitiativeSort>): Promise<Page<Initiative>> {
    const where: FindOptionsWhere<Initiative> = { organisationId, orgUnitId: In(filter.unitIds) };
    if (filter.ids) where.id = In(filter.ids);
    if (filter.statuses) where.status = In(filter.statuses as InitiativeStatus[]);
    if (filter.serviceIds) where.serviceId = In(filter.serviceIds);
    const [rows, total] = await em.findAndCount(Initiative, {
      where,
      relations: RELATIONS,
      order: { [query.sort.field]: query.sort.order, id: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return { rows, total };
  }

  findOne(em: EntityManager, organisationId: string, id: string): Promise<Initiative | null> {
    return em.findOne(Initiative, { where: { id, organisationId }, relations: RELATIONS });
  }

  /** Counts by status and the resources summed in numeric (never floats), over the given units. */
  async summary(em: EntityManager, organisationId: string, unitIds: readonly string[]): Promise<{ counts: Map<string, number>; hours: string; euros: string }> {
    const rows: { status: string; count: number }[] = await em.query(
      `SELECT status, count(*)::int AS count
         FROM initiative WHERE organisation_id = $1 AND org_unit_id = ANY($2::uuid[]) GROUP BY status`,
      [organisationId, [...unitIds]],
    );
    const [totals]: { hours: string; euros: string }[] = await em.query(
      `SELECT coalesce(sum(hours), 0)::text AS hours, round(coalesce(sum(euros), 0), 2)::text AS euros
         FROM initiative WHERE organisation_id = $1 AND org_unit_id = ANY($2::uuid[])`,
      [organisationId, [...unitIds]],
    );
    return { counts: new Map(rows.map((r) => [r.status, r.count])), hours: totals.hours, euros: totals.euros };
  }

  serviceByCode(em: EntityManager, organisationId: string, code: string): Promise<Service | null> {
    return em.findOne(Service, { where: { organisationId, code } });
  }

  servicesByCodes(em: EntityManager, organisationId: string, codes: readonly string[]): Promise<Service[]> {
    return em.find(Service, { where: { organisationId, code: In([...codes]) } });
  }

  metricByCode(em: EntityManager, organisationId: string, code: string): Promise<Metric | null> {
    return em.findOne(Metric, { where: { organisationId, code } });
  }

  unitById(em: EntityManager, organisationId: string, id: string): Promise<OrgUnit | null> {
    return em.findOne(OrgUnit, { where: { organisationId, id } });
  }
}
