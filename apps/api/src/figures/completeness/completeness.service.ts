import { BadRequestException, Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { TenantDb } from '../../platform/database/tenant-db';
import type { AuthUser } from '../../tenancy/auth-user';
import { visibleUnitIds } from '../../tenancy/unit-scope';
import { leavesUnder } from '../../catalogue/org-tree';
import { CatalogueRepository } from '../../catalogue/catalogue.repository';
import { FigureRepository } from '../figure.repository';
import { ExpectedMetricsRepository } from '../expected-metrics/expected-metrics.repository';
import { periodsWithin, serviceSlots, slotIn } from './expected-figures';
import { inSlices } from '../../platform/event-loop/in-slices';
import type { Integer } from '@levier/contracts';

export interface Completeness {
  orgUnit: string;
  period: string;
  expected: Integer;
  entered: Integer;
  /** entered / expected as a decimal string (4 places), `null` when nothing is expected. */
  ratio: string | null;
  missing: { orgUnit: string; service: string; metric: string; period: string }[];
}

const MAX_MISSING = 500;

/**
 * Expected figures (leaf units × services they run × expected metrics × periods) against the figures entered.
 * Only the caller's org units count (docs/product-rules.md#access-and-security): a unit outside their roles' subtrees answers as an unknown one.
 * A département's year is ≈ 250 000 expected figures against ≈ 290 000 entered: they are counted, never all kept, and
 * the loops hand the API's event loop back every few thousand steps (`inSlices`), so a dossier méthodologique never
 * holds other requests for long.
 */
@Injectable()
export class CompletenessService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly catalogue: CatalogueRepository,
    private readonly figures: FigureRepository,
    private readonly expectedMetrics: ExpectedMetricsRepository,
  ) {}

  compute(user: AuthUser, orgUnit: string, rawPeriod: string): Promise<Completeness> {
    const organisationId = user.organisationId;
    const period = rawPeriod.replace(/-T([1-4])$/, '-Q$1');
    return this.tenantDb.run(organisationId, async (em) => {
      const { orgUnits, services, metrics } = await this.catalogue.catalogue(em, organisationId);
      const visible = visibleUnitIds(user, orgUnits);
      const root = orgUnits.find((u) => u.code === orgUnit && visible.has(u.id));
      const leaves = root ? leavesUnder(orgUnits, root.id).filter((l) => visible.has(l.id)) : [];
      if (leaves.length === 0) throw new BadRequestException(`Unité « ${orgUnit} » inconnue : indiquez le code d’une unité de l’organisation.`);
      const metricCodes = new Set(metrics.map((m) => m.code));
      const configured = await this.expectedMetrics.configured(em, organisationId);
      const slotsByService = new Map<string, string[]>();
      // `<service id>|<metric>` → the slot of the service that metric fills (null: not expected), found once
      const slotMemo = new Map<string, string | null>();
      const slotFor = (serviceId: string, metric: string): string | null => {
        const key = `${serviceId}|${metric}`;
        if (!slotMemo.has(key)) slotMemo.set(key, slotIn(slotsByService.get(serviceId) ?? [], metric));
        return slotMemo.get(key) ?? null;
      };
      const servicesAtLeaves: { service: (typeof services)[number]; slots: string[]; periods: string[]; leaf: (typeof leaves)[number] }[] = [];
      for (const service of services) {
        const slots = serviceSlots(
          configured.get(service.id)?.metrics.filter((m) => metricCodes.has(m)),
          service.outcomes
            .filter((o) => o.mode === 'observed')
            .map((o) => `observed.${o.code}`)
            .filter((c) => metricCodes.has(c)),
        );
        slotsByService.set(service.id, slots);
        const periods = periodsWithin(period, service.granularity);
        for (const leaf of leaves.filter((l) => service.orgUnits.includes(l.code))) servicesAtLeaves.push({ service, slots, periods, leaf });
      }
      const allPeriods = [...new Set(servicesAtLeaves.flatMap(({ slots, periods }) => (slots.length > 0 ? periods : [])))];
      // only the metrics some slot expects: a figure of another metric fills no slot (hours, meals… at scale M: half the rows)
      const slotMetrics = [...new Set([...slotsByService.values()].flatMap((slots) => slots.flatMap((slot) => slot.split('|'))))];
      const rows = await this.figures.enteredKeys(
        em,
        organisationId,
        leaves.map((l) => l.id),
        allPeriods,
        slotMetrics,
      );
      const entered = new Set<string>();
      await inSlices(rows, (f) => entered.add(`${f.orgUnitId}|${f.serviceId}|${slotFor(f.serviceId, f.metric)}|${f.period}`));
      // each expected figure (unit × service × period × slot) counted as it comes, only the first missing ones kept
      let expected = 0;
      let absent = 0;
      const missing: Completeness['missing'] = [];
      await inSlices(
        servicesAtLeaves,
        ({ service, slots, periods, leaf }) => {
          for (const p of periods)
            for (const slot of slots) {
              expected++;
              if (entered.has(`${leaf.id}|${service.id}|${slot}|${p}`)) continue;
              absent++;
              if (missing.length < MAX_MISSING) missing.push({ orgUnit: leaf.code, service: service.code, metric: slot, period: p });
            }
        },
        100,
      );
      const done = expected - absent;
      return {
        orgUnit,
        period,
        expected,
        entered: done,
        ratio: expected === 0 ? null : new Decimal(done).div(expected).toFixed(4),
        missing,
      };
    });
  }
}
