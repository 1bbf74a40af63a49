import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ConfiguredMetrics {
  serviceId: string;
  metrics: string[];
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: Date;
}

/** `service_expected_metric`: the metrics an admin expects of a service (no row: the default). Runs on the tenant's EntityManager. */
@Injectable()
export class ExpectedMetricsRepository {
  async configured(em: EntityManager, organisationId: string): Promise<Map<string, ConfiguredMetrics>> {
    const rows = (await em.query(
      `SELECT e.service_id AS "serviceId", e.metrics, e.updated_by AS "updatedBy", u.display_name AS "updatedByName", e.updated_at AS "updatedAt"
         FROM service_expected_metric e LEFT JOIN app_user u ON u.id = e.updated_by
        WHERE e.organisation_id = $1`,
      [organisationId],
    )) as ConfiguredMetrics[];
    return new Map(rows.map((r) => [r.serviceId, r]));
  }

  async save(em: EntityManager, organisationId: string, serviceId: string, metrics: readonly string[], userId: string): Promise<void> {
    await em.query(
      `INSERT INTO service_expected_metric (organisation_id, service_id, metrics, updated_by, updated_at) VALUES ($1, $2, $3::jsonb, $4, now())
       ON CONFLICT (service_id) DO UPDATE SET metrics = EXCLUDED.metrics, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [organisationId, serviceId, JSON.stringify(metrics), userId],
    );
  }

  async remove(em: EntityManager, organisationId: string, serviceId: string): Promise<void> {
    await em.query(`DELETE FROM service_expected_metric WHERE organisation_id = $1 AND service_id = $2`, [organisationId, serviceId]);
  }
}
