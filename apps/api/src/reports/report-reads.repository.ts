import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface UnitRow {
  id: string;
  code: string;
  parentId: string | null;
}

export interface TargetRow {
  indicator: string;
  target: string | null;
  alertBelow: string | null;
  alertAbove: string | null;
}

/** What the reports read besides their subscriptions and deliveries: the organisation's name, units, services and targets. Tenant EntityManager. */
@Injectable()
export class ReportReadsRepository {
  async organisationName(em: EntityManager, organisationId: string): Promise<string> {
    const rows: { name: string }[] = await em.query(`SELECT name FROM organisation WHERE id = $1`, [organisationId]);
    return rows[0]?.name ?? '';
  }

  async orgUnits(em: EntityManager, organisationId: string): Promise<UnitRow[]> {
    const rows: { id: string; code: string; parent_id: string | null }[] = await em.query(
      `SELECT id, code, parent_id FROM org_unit WHERE organisation_id = $1`,
      [organisationId],
    );
    return rows.map((u) => ({ id: u.id, code: u.code, parentId: u.parent_id }));
  }

  /** Which of these service codes the organisation has. */
  async knownServiceCodes(em: EntityManager, organisationId: string, codes: readonly string[]): Promise<Set<string>> {
    const rows: { code: string }[] = await em.query(`SELECT code FROM service WHERE organisation_id = $1 AND code = ANY($2::varchar[])`, [
      organisationId,
      [...codes],
    ]);
    return new Set(rows.map((r) => r.code));
  }

  /** Service code → its label, for these codes. */
  async serviceLabels(em: EntityManager, organisationId: string, codes: readonly string[]): Promise<Map<string, string>> {
    const rows: { code: string; label: string }[] = await em.query(`SELECT code, label FROM service WHERE organisation_id = $1 AND code = ANY($2::varchar[])`, [
      organisationId,
      [...codes],
    ]);
    return new Map(rows.map((r) => [r.code, r.label]));
  }

  /** Targets and thresholds of a year for a unit (table `indicator_target`), decimals as text. */
  async targets(em: EntityManager, organisationId: string, orgUnit: string, year: number): Promise<TargetRow[]> {
    const rows: { indicator: string; target: string | null; alert_below: string | null; alert_above: string | null }[] = await em.query(
      `SELECT t.indicator, t.target::text AS target, t.alert_below::text AS alert_below, t.alert_above::text AS alert_above
         FROM indicator_target t JOIN org_unit u ON u.id = t.org_unit_id
        WHERE t.organisation_id = $1 AND u.code = $2 AND t.year = $3 ORDER BY t.indicator`,
      [organisationId, orgUnit, year],
    );
    return rows.map((r) => ({ indicator: r.indicator, target: r.target, alertBelow: r.alert_below, alertAbove: r.alert_above }));
  }
}
