import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Granularity } from './service.entity';

export interface OrgUnitRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  parentCode: string | null;
  leaf: boolean;
}
export interface ServiceRow {
  id: string;
  code: string;
  label: string;
  functionCode: string;
  kind: string;
  granularity: Granularity;
  note: string | null;
  orgUnits: string[];
  outcomes: { code: string; mode: string | null }[];
}
export interface MetricRow {
  id: string;
  code: string;
  label: string;
  unit: string;
  aggregation: string;
  minValue: string | null;
  maxValue: string | null;
  integer: boolean;
  system: boolean;
}

/**
 * Reads of org units, services and metrics. Every method runs on the tenant's EntityManager (TenantDb), and
 * filters by organisation on top of row-level security.
 */
@Injectable()
export class CatalogueRepository {
  async catalogue(em: EntityManager, organisationId: string): Promise<{ orgUnits: OrgUnitRow[]; services: ServiceRow[]; metrics: MetricRow[] }> {
    return {
      orgUnits: await this.orgUnits(em, organisationId),
      services: await this.services(em, organisationId),
      metrics: await this.metrics(em, organisationId),
    };
  }

  async orgUnits(em: EntityManager, organisationId: string): Promise<OrgUnitRow[]> {
    return em.query(
      `SELECT u.id, u.code, u.name, u.parent_id AS "parentId", p.code AS "parentCode",
              NOT EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = u.id) AS leaf
         FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id
        WHERE u.organisation_id = $1
        ORDER BY u.code`,
      [organisationId],
    );
  }

  async services(em: EntityManager, organisationId: string): Promise<ServiceRow[]> {
    return em.query(
      `SELECT s.id, s.code, s.label, s.function_code AS "functionCode", s.kind, s.granularity, s.note,
              COALESCE((SELECT array_agg(u.code ORDER BY u.code) FROM service_org_unit l JOIN org_unit u ON u.id = l.org_unit_id WHERE l.service_id = s.id), '{}') AS "orgUnits",
              COALESCE((SELECT json_agg(json_build_object('code', a.code, 'mode', a.params->>'mode') ORDER BY a.code) FROM outcome_assumption a WHERE a.service_id = s.id), '[]') AS outcomes
         FROM service s
        WHERE s.organisation_id = $1
        ORDER BY s.code`,
      [organisationId],
    );
  }

  async metrics(em: EntityManager, organisationId: string): Promise<MetricRow[]> {
    return em.query(
      `SELECT id, code, label, unit, aggregation, min_value::text AS "minValue", max_value::text AS "maxValue", integer, system
         FROM metric WHERE organisation_id = $1 ORDER BY code`,
      [organisationId],
    );
  }
}
