import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../../platform/database/tenant-db';
import { AuditedTenantWriter } from '../../platform/audit/audited-tenant-writer';
import type { AuthUser } from '../../tenancy/auth-user';
import { CatalogueRepository, MetricRow, ServiceRow } from '../../catalogue/catalogue.repository';
import { serviceSlots } from '../completeness/expected-figures';
import { ExpectedMetricsRepository } from './expected-metrics.repository';

export interface ServiceExpectedMetrics {
  service: string;
  serviceLabel: string;
  granularity: string;
  /** Slots, each filled by any one of its metrics (`person_months|beneficiaries` by default). */
  slots: string[];
  /** The metrics the grid offers for this service, in slot order. */
  metrics: string[];
  configured: boolean;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: Date | null;
}

const observedOf = (service: ServiceRow, metricCodes: Set<string>): string[] =>
  service.outcomes
    .filter((o) => o.mode === 'observed')
    .map((o) => `observed.${o.code}`)
    .filter((c) => metricCodes.has(c));

/** The audit rows of a service's expected metrics, configured or reset. */
const EXPECTED_METRICS = { entity: 'service', action: 'service.expected_metrics' } as const;

/**
 * Service → expected metrics (issue 13, the grid): what each service reports each period. Admins edit it; no
 * configuration means the default (spend, one activity measure, each observed outcome of the service).
 */
@Injectable()
export class ExpectedMetricsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly catalogue: CatalogueRepository,
    private readonly expected: ExpectedMetricsRepository,
    private readonly writer: AuditedTenantWriter,
  ) {}

  list(organisationId: string): Promise<ServiceExpectedMetrics[]> {
    return this.tenantDb.run(organisationId, (em) => this.read(em, organisationId));
  }

  async one(organisationId: string, serviceCode: string): Promise<ServiceExpectedMetrics> {
    const found = (await this.list(organisationId)).find((s) => s.service === serviceCode);
    if (!found) throw new NotFoundException(`Service « ${serviceCode} » inconnu dans l’organisation.`);
    return found;
  }

  /** Replaces a service's expected metrics (known metric codes, at least one, no duplicate), audited. */
  async configure(user: AuthUser, serviceCode: string, metrics: readonly string[]): Promise<ServiceExpectedMetrics> {
    const organisationId = user.organisationId;
    await this.writer.write(user, EXPECTED_METRICS, async (em) => {
      const { service, metricRows, before } = await this.target(em, organisationId, serviceCode);
      const known = new Map(metricRows.map((m) => [m.code, m]));
      const unknown = metrics.filter((m) => !known.has(m));
      if (unknown.length > 0) {
        throw new UnprocessableEntityException(
          `metrics : indicateur${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} ${unknown.map((m) => `« ${m} »`).join(', ')} ; choisissez parmi ${metricRows.map((m) => m.label).join(', ')}.`,
        );
      }
      const unique = [...new Set(metrics)];
      if (unique.length === 0) throw new UnprocessableEntityException('metrics : choisissez au moins un indicateur attendu pour ce service.');
      await this.expected.save(em, organisationId, service.id, unique, user.id);
      return {
        value: undefined,
        entityId: service.id,
        before: { service: service.code, metrics: before.metrics, configured: before.configured },
        after: { service: service.code, metrics: unique, configured: true },
      };
    });
    return this.one(organisationId, serviceCode);
  }

  /** Back to the default expected metrics, audited. */
  async reset(user: AuthUser, serviceCode: string): Promise<ServiceExpectedMetrics> {
    const organisationId = user.organisationId;
    await this.writer.write(user, EXPECTED_METRICS, async (em) => {
      const { service, before } = await this.target(em, organisationId, serviceCode);
      if (!before.configured) return { value: undefined, changes: [] };
      await this.expected.remove(em, organisationId, service.id);
      return {
        value: undefined,
        entityId: service.id,
        before: { service: service.code, metrics: before.metrics, configured: true },
        after: { service: service.code, metrics: null, configured: false },
      };
    });
    return this.one(organisationId, serviceCode);
  }

  private async target(
    em: EntityManager,
    organisationId: string,
    serviceCode: string,
  ): Promise<{ service: ServiceRow; metricRows: MetricRow[]; before: ServiceExpectedMetrics }> {
    const services = await this.catalogue.services(em, organisationId);
    const service = services.find((s) => s.code === serviceCode);
    if (!service) throw new NotFoundException(`Service « ${serviceCode} » inconnu dans l’organisation.`);
    const metricRows = await this.catalogue.metrics(em, organisationId);
    const before = (await this.read(em, organisationId)).find((s) => s.service === serviceCode)!;
    return { service, metricRows, before };
  }

  private async read(em: EntityManager, organisationId: string): Promise<ServiceExpectedMetrics[]> {
    const { services, metrics } = await this.catalogue.catalogue(em, organisationId);
    const configured = await this.expected.configured(em, organisationId);
    const codes = new Set(metrics.map((m) => m.code));
    return services.map((s) => {
      const own = configured.get(s.id);
      const slots = serviceSlots(
        own?.metrics.filter((m) => codes.has(m)),
        observedOf(s, codes),
      );
      return {
        service: s.code,
        serviceLabel: s.label,
        granularity: s.granularity,
        slots,
        metrics: slots.flatMap((slot) => slot.split('|')),
        configured: own !== undefined,
        updatedBy: own?.updatedBy ?? null,
        updatedByName: own?.updatedByName ?? null,
        updatedAt: own?.updatedAt ?? null,
      };
    });
  }
}
