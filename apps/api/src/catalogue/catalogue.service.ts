import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { TenantDb } from '../platform/database/tenant-db';
import { ListQuery, stringList } from '../platform/http/list-query';
import type { AuthUser } from '../tenancy/auth-user';
import { isOrganisationWide } from '../tenancy/unit-scope';
import { CatalogueRepository, MetricRow, OrgUnitRow, ServiceRow } from './catalogue.repository';
import { Scoped, scopeUnits } from './unit-visibility';

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

/** The optional `inScope` filter of the org-unit list (true: the user's own units; false: the ancestors shown for the tree). */
const inScopeFilter = (filter: Record<string, unknown>): boolean | undefined => {
  const value = filter.inScope;
  if (value === undefined || typeof value === 'boolean') return value;
  throw new BadRequestException('Le filtre inScope doit valoir true (vos unités) ou false (leurs unités parentes).');
};

/**
 * Read-only lists of the tenant's org units, services and metrics (for the dashboard and the forms). A user whose
 * roles cover org-unit subtrees only sees those units and their ancestors (flagged `inScope: false`), and only those
 * codes among the units that run a service (docs/product-rules.md#access-and-security); an organisation-wide role sees everything.
 */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: CatalogueRepository,
  ) {}

  orgUnits(user: AuthUser, query: ListQuery): Promise<Page<Scoped<OrgUnitRow>>> {
    const inScope = inScopeFilter(query.filter);
    return this.tenantDb.run(user.organisationId, async (em) => {
      const units = scopeUnits(user, await this.repository.orgUnits(em, user.organisationId));
      return page(
        units.filter((u) => inScope === undefined || u.inScope === inScope),
        query,
        (u) => `${u.code} ${u.name}`,
      );
    });
  }

  services(user: AuthUser, query: ListQuery): Promise<Page<ServiceRow>> {
    const organisationId = user.organisationId;
    return this.tenantDb.run(organisationId, async (em) => {
      const services = await this.repository.services(em, organisationId);
      if (isOrganisationWide(user)) return page(services, query, (s) => `${s.code} ${s.label}`);
      const listed = new Set(scopeUnits(user, await this.repository.orgUnits(em, organisationId)).map((u) => u.code));
      const scoped = services.map((s) => ({ ...s, orgUnits: s.orgUnits.filter((code) => listed.has(code)) }));
      return page(scoped, query, (s) => `${s.code} ${s.label}`);
    });
  }

  metrics(organisationId: string, query: ListQuery): Promise<Page<MetricRow>> {
    return this.tenantDb.run(organisationId, async (em) => page(await this.repository.metrics(em, organisationId), query, (m) => `${m.code} ${m.label}`));
  }

  /** 404 for a unit the user may not list, as for another tenant's. */
  async orgUnit(user: AuthUser, id: string): Promise<Scoped<OrgUnitRow>> {
    return this.one('org-units', (await this.orgUnits(user, byId(id))).items);
  }

  async service(user: AuthUser, id: string): Promise<ServiceRow> {
    return this.one('services', (await this.services(user, byId(id))).items);
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
