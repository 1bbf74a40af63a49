import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../platform/database/tenant-db';
import type { AuthUser } from '../../tenancy/auth-user';
import { unitIdsWithRole } from '../../tenancy/unit-scope';
import { CatalogueRepository } from '../../catalogue/catalogue.repository';
import { ExpectedMetricsService } from '../expected-metrics/expected-metrics.service';
import { periodLabel } from '../period-label';
import type { SheetCell } from './spreadsheet-file';

/** The template's header: the period in words is the title of its value column (« mars 2024 », « 2024-T1 »). */
export const templateHeader = (period: string): string[] => ['Unité', 'Service', 'Indicateur', periodLabel(period.replace(/-T([1-4])$/, '-Q$1'))];

const granularityOf = (period: string): string => (period.length === 4 ? 'year' : period.includes('Q') ? 'quarter' : 'month');

/**
 * The pre-filled import template of a period: one row per leaf unit the user may write × service it runs at the
 * period's granularity × metric the service expects, by label (the import recognises labels), with the value already
 * stored if any; of an either-slot (person-months or beneficiaries) the metric already entered, else both. Importing
 * back a fully entered period's template unchanged changes nothing.
 *
 * The period is the title of the value column (the « periods as columns » layout, not one figure per line): so a
 * blank cell of a template means « not entered » — nothing written, nothing changed, never zero — and a partly filled
 * template imports its filled cells only; a cell that is not a number is still a row error. A file of one figure
 * per line (with a « Valeur » column) keeps refusing a blank value: there a blank line of data is a mistake.
 */
@Injectable()
export class SubmissionTemplateService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly catalogue: CatalogueRepository,
    private readonly expected: ExpectedMetricsService,
  ) {}

  async rows(user: AuthUser, rawPeriod: string): Promise<SheetCell[][]> {
    const period = rawPeriod.replace(/-T([1-4])$/, '-Q$1');
    const expected = await this.expected.list(user.organisationId);
    return this.tenantDb.run(user.organisationId, async (em) => {
      const { orgUnits, services, metrics } = await this.catalogue.catalogue(em, user.organisationId);
      const writable = unitIdsWithRole(user, orgUnits, ['admin', 'finance']);
      const leaves = orgUnits.filter((u) => u.leaf && writable.has(u.id));
      const metricLabel = new Map(metrics.map((m) => [m.code, m.label]));
      const stored = new Map<string, string>(
        (
          (await em.query(
            `SELECT u.code AS unit, s.code AS service, m.code AS metric, f.value::text AS value
               FROM figure f JOIN org_unit u ON u.id = f.org_unit_id JOIN service s ON s.id = f.service_id JOIN metric m ON m.id = f.metric_id
              WHERE f.organisation_id = $1 AND f.period = $2 AND f.org_unit_id = ANY($3::uuid[]) AND f.value IS NOT NULL`,
            [user.organisationId, period, leaves.map((l) => l.id)],
          )) as { unit: string; service: string; metric: string; value: string }[]
        ).map((r) => [`${r.unit}|${r.service}|${r.metric}`, r.value]),
      );
      const rows: SheetCell[][] = [];
      for (const leaf of leaves) {
        for (const service of services.filter((s) => s.granularity === granularityOf(period) && s.orgUnits.includes(leaf.code))) {
          const valueOf = (metric: string) => stored.get(`${leaf.code}|${service.code}|${metric}`);
          for (const slot of expected.find((e) => e.service === service.code)?.slots ?? []) {
            // a slot filled by either metric (person-months or beneficiaries): the one already entered, else both to choose from
            const alternatives = slot.split('|');
            const entered = alternatives.filter((m) => valueOf(m) !== undefined);
            for (const metric of entered.length > 0 ? entered : alternatives) {
              const value = valueOf(metric);
              rows.push([leaf.name, service.label, metricLabel.get(metric) ?? metric, value === undefined ? null : { decimal: value }]);
            }
          }
        }
      }
      return rows;
    });
  }
}
