import { Injectable, NotFoundException } from '@nestjs/common';
import { TenantDb } from '../platform/database/tenant-db';
import { ListQuery, stringList } from '../platform/http/list-query';
import { CatalogueRepository, MetricRow, OrgUnitRow, ServiceRow } from './catalogue.repository';

export type CatalogueResource = 'org-units' | 'services' | 'metrics';
export interface Page<T> {
  items: T[];
  total: number;
}

const NOT_FOUND: Record<CatalogueResource, string> = {
  'org-units': 'Unité introuvable.',
  services: 'Service introuvable.',
  metrics: 'Indicateur introuvable.',
};

/** In-memory paging of the (small) catalogue lists: filters `id` (list), `code` (list) and `q` (text). */
const page = <T extends { id: string; code: string }>(rows: T[], query: ListQuery, text: (row: T) => string): Page<T> => {
  const ids = stringList(query.filter, 'id');
  const codes = stringList(query.filter, 'code');
  const q = typeof query.filter.q === 'string' ? query.filter.q.toLowerCase() : undefined;
  const filtered = rows.filter((r) => (!ids || ids.includes(r.id)) && (!codes || codes.includes(r.code)) && (!q || text(r).toLowerCase().includes(q)));
  const field = query.sort.field as keyof T;
  const sign = query.sort.order === 'ASC' ? 1 : -1;
  filtered.sort((a, b) => sign * String(a[field] ?? '').localeCompare(String(b[field] ?? ''), 'fr'));
  return { items: filtered.slice(query.offset, query.offset + query.limit), total: filtered.length };
};

/** Read-only lists of the tenant's org units, services and metrics (for the dashboard and the forms). */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: CatalogueRepository,
  ) {}

  orgUnits(organisationId: string, query: ListQuery): Promise<Page<OrgUnitRow>> {
    return this.tenantDb.run(organisationId, async (em) => page(await this.repository.orgUnits(em, organisationId), query, (u) => `${u.code} ${u.name}`));
  }

  services(organisationId: string, query: ListQuery): Promise<Page<ServiceRow>> {
    return this.tenantDb.run(organisationId, async (em) => page(await this.repository.services(em, organisationId), query, (s) => `${s.code} ${s.label}`));
  }

  metrics(organisationId: string, query: ListQuery): Promise<Page<MetricRow>> {
    return this.tenantDb.run(organisationId, async (em) => page(await this.repository.metrics(em, organisationId), query, (m) => `${m.code} ${m.label}`));
  }

  async orgUnit(organisationId: string, id: string): Promise<OrgUnitRow> {
    return this.one('org-units', (await this.orgUnits(organisationId, byId(id))).items);
  }

  async service(organisationId: string, id: string): Promise<ServiceRow> {
    return this.one('services', (await this.services(organisationId, byId(id))).items);
  }

  async metric(organisationId: string, id: string): Promise<MetricRow> {
    return this.one('metrics', (await this.metrics(organisationId, byId(id))).items);
  }

  private one<T>(resource: CatalogueResource, items: T[]): T {
    if (items.length === 0) throw new NotFoundException(NOT_FOUND[resource]);
    return items[0];
  }
}

const byId = (id: string): ListQuery => ({ sort: { field: 'code', order: 'ASC' }, offset: 0, limit: 1, filter: { id } });
