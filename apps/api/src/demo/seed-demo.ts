import { DataSource, EntityManager, Like } from 'typeorm';
import { Organisation } from '../tenancy/organisation.entity';
import { User } from '../tenancy/user.entity';
import { RoleAssignment } from '../tenancy/role-assignment.entity';
import { OrgUnit } from '../catalogue/org-unit.entity';
import { Service } from '../catalogue/service.entity';
import { Metric } from '../catalogue/metric.entity';
import { Figure } from '../figures/figure.entity';
import { FigureWriter } from '../figures/figure-writer';
import { StoredSeries } from '../figures/figure-changes';
import type { ResolvedFigure } from '../figures/figure.repository';
import { UnitCost } from '../methodology/unit-cost.entity';
import { PriceIndex } from '../methodology/price-index.entity';
import { OutcomeAssumption } from '../methodology/outcome-assumption.entity';
import { writeAudited } from '../platform/audit/audited-tenant-writer';
import { MethodologyVersion } from '../methodology/methodology-version.entity';
import { PeriodStatus } from '../figures/period-status.entity';
import { REFERENCE_UNIT_COSTS } from '../methodology/reference-unit-costs';
import { referenceUnitCostFields } from '../methodology/reference-unit-cost.row';
import { MethodCheck } from '../methodology/method-check';
import { MethodologyInputs } from '../methodology/methodology-inputs.service';
import { toUnitCostResponse } from '../methodology/unit-cost.mapper';
import { toPriceIndexResponse } from '../methodology/price-index.mapper';
import { toOutcomeAssumptionResponse } from '../methodology/outcome-assumption.mapper';
import { auditCopy } from '../platform/database/tenant-crud';
import { TenantDb } from '../platform/database/tenant-db';
import { IndicatorInputsRepository } from '../indicators/savings/indicator-inputs.repository';
import { RecomputeService } from '../indicators/savings/recompute.service';
import { ServiceFundingRepository } from '../funding/service-funding.repository';
import { CustomIndicatorRecomputeService } from '../indicators/custom/custom-indicator-recompute.service';
import { CustomIndicatorRepository } from '../indicators/custom/custom-indicator.repository';
import { ReallocationRecomputeService } from '../indicators/reallocation/reallocation-recompute.service';
import { ReallocationRepository } from '../reallocation/reallocation.repository';
import { hashPassword } from '../tenancy/password-hasher';
import { DEMO_METRICS, DEMO_PASSWORD, DEMO_PRICE_INDEX, DEMO_PRICE_INDEX_SOURCES, DEMO_TENANTS, DemoTenant } from './demo-tenants';
import { DEMO_METHOD_1, DEMO_METHOD_2, DEMO_SUBSTITUTION_UNIT_COSTS, DemoMethod, METHOD_2_OUTCOMES } from './demo-methods';
import { demoFiguresForUnit } from './demo-figures';
import { seedDemoReallocation } from './demo-reallocation';
import { seedDemoFundings } from './demo-fundings';
import { seedDemoExpectedMetrics } from './demo-expected-metrics';
import { seedDemoInitiatives } from './demo-initiatives';
import Decimal from 'decimal.js';

/** The reason of the demo's audit rows. */
const DEMO_REASON = 'Données de démonstration';

/** Demo periods of this year are approved (closed) under method 1; the next year is still open for entry and imports. */
const APPROVED_YEAR = '2023';

export interface SeedResult {
  organisations: { name: string; id: string; figures: number }[];
  skipped: string[];
}

/** The inputs repository of the recompute and of the method check, wired by hand as `levier recompute` does. */
const inputsRepository = (): IndicatorInputsRepository => new IndicatorInputsRepository(new ServiceFundingRepository());

/**
 * Writes one version of the demo's method with the same full snapshot as `MethodologyVersionsService.publish`: the unit
 * costs, price indices and outcome assumptions stored at this point of the transaction, as their API responses.
 */
const writeVersion = async (em: EntityManager, organisationId: string, method: DemoMethod): Promise<MethodologyVersion> => {
  const stored = await new MethodCheck(new MethodologyInputs()).load(em, organisationId);
  const serviceCode = (id: string): string => stored.services.find((s) => s.id === id)?.code ?? '';
  const snapshot = {
    unitCosts: stored.unitCosts.map(toUnitCostResponse),
    priceIndices: stored.priceIndices.map(toPriceIndexResponse),
    assumptions: stored.assumptions.map((a) => toOutcomeAssumptionResponse(a, serviceCode(a.serviceId))),
  };
  return writeAudited(
    em,
    { id: null, organisationId },
    { entity: 'methodology_version', action: 'publish' },
    async () => {
      const version = await em.save(
        MethodologyVersion,
        em.create(MethodologyVersion, {
          organisationId,
          version: method.version,
          label: method.label,
          effectiveFrom: method.effectiveFrom,
          parameters: { ...method.parameters },
          snapshot: auditCopy(snapshot),
          publishedBy: null,
        }),
      );
      return {
        value: version,
        entityId: version.id,
        after: { version: version.version, label: version.label, effectiveFrom: version.effectiveFrom, parameters: version.parameters },
      };
    },
    { reason: DEMO_REASON },
  );
};

/**
 * Method 2 becomes current: the substitution unit cost it needs is added, each service's outcome assumptions are replaced
 * by the reviewed ones (same code: updated in place; new code: added; gone: removed), and version 2 is written with its
 * snapshot. Periods approved under method 1 keep their frozen « tel que publié » values.
 */
const adoptMethod2 = async (em: EntityManager, organisationId: string, tenant: DemoTenant): Promise<void> => {
  await em.save(
    UnitCost,
    DEMO_SUBSTITUTION_UNIT_COSTS.map((u) => em.create(UnitCost, referenceUnitCostFields(u, organisationId))),
  );
  const services = await em.find(Service, { where: { organisationId } });
  const existing = await em.find(OutcomeAssumption, { where: { organisationId } });
  for (const service of tenant.services) {
    const serviceId = services.find((s) => s.code === service.code)!.id;
    const reviewed = METHOD_2_OUTCOMES[service.code] ?? service.outcomes;
    const current = existing.filter((a) => a.serviceId === serviceId);
    const gone = current.filter((a) => !reviewed.some((o) => o.code === a.code));
    if (gone.length > 0) await em.remove(gone);
    for (const o of reviewed) {
      const row = current.find((a) => a.code === o.code) ?? em.create(OutcomeAssumption, { organisationId, serviceId, code: o.code });
      Object.assign(row, { label: o.label, params: o.params, justification: o.justification, evidence: o.evidence });
      await em.save(OutcomeAssumption, row);
    }
  }
  await writeVersion(em, organisationId, DEMO_METHOD_2);
};

/** Full recompute of an organisation's read models (savings, custom indicators, reallocation), without the queue. */
const recomputeAll = async (dataSource: DataSource, organisationId: string): Promise<void> => {
  const tenantDb = new TenantDb(dataSource);
  await new RecomputeService(tenantDb, inputsRepository()).recompute(organisationId, []);
  await new CustomIndicatorRecomputeService(tenantDb, new CustomIndicatorRepository()).recompute(organisationId, []);
  await new ReallocationRecomputeService(tenantDb, new ReallocationRepository()).recompute(organisationId);
};

const seedTenant = async (em: EntityManager, tenant: DemoTenant, index: number, passwordHash: string): Promise<{ id: string; figures: number }> => {
  const org = await em.save(
    Organisation,
    em.create(Organisation, { name: tenant.name, type: 'CCAS', siren: tenant.siren, budgetFramework: 'M57', headcount: tenant.headcount }),
  );
  const organisationId = org.id;
  const root = await em.save(OrgUnit, em.create(OrgUnit, { organisationId, code: tenant.root.code, name: tenant.root.name, parentId: null }));
  const leaves = await em.save(
    OrgUnit,
    tenant.leaves.map((l) => em.create(OrgUnit, { organisationId, code: l.code, name: l.name, parentId: root.id })),
  );
  const metrics = await em.save(
    Metric,
    DEMO_METRICS.map((m) =>
      em.create(Metric, {
        organisationId,
        code: m.code,
        label: m.label,
        unit: m.unit,
        integer: m.integer,
        minValue: new Decimal(m.minValue),
        system: m.system,
        aggregation: 'sum',
      }),
    ),
  );
  const services = await em.save(
    Service,
    tenant.services.map((s) =>
      em.create(Service, {
        organisationId,
        code: s.code,
        label: s.label,
        functionCode: s.functionCode,
        kind: s.kind,
        granularity: s.granularity,
        note: s.note,
        orgUnits: leaves,
      }),
    ),
  );
  await em.save(
    UnitCost,
    REFERENCE_UNIT_COSTS.map((u) => em.create(UnitCost, referenceUnitCostFields(u, organisationId))),
  );
  await em.save(
    PriceIndex,
    Object.entries(DEMO_PRICE_INDEX).map(([year, value]) =>
      em.create(PriceIndex, {
        organisationId,
        year: Number(year),
        value: new Decimal(value),
        base: '2015=100',
        source: DEMO_PRICE_INDEX_SOURCES[Number(year)],
      }),
    ),
  );
  const serviceByCode = new Map(services.map((s) => [s.code, s]));
  await em.save(
    OutcomeAssumption,
    tenant.services.flatMap((s) =>
      s.outcomes.map((o) =>
        em.create(OutcomeAssumption, {
          organisationId,
          serviceId: serviceByCode.get(s.code)!.id,
          code: o.code,
          label: o.label,
          params: o.params,
          justification: o.justification,
          evidence: o.evidence,
        }),
      ),
    ),
  );
  const version = await writeVersion(em, organisationId, DEMO_METHOD_1);
  const users = await em.save(
    User,
    tenant.users.map((u) => em.create(User, { email: u.email, displayName: u.displayName, passwordHash, organisationId, isDemo: true })),
  );
  await em.save(
    RoleAssignment,
    tenant.users.map((u, i) =>
      em.create(RoleAssignment, {
        organisationId,
        userId: users[i].id,
        role: u.role,
        orgUnitId: u.orgUnit === null ? null : leaves.find((l) => l.code === u.orgUnit)!.id,
      }),
    ),
  );

  const unitByCode = new Map(leaves.map((l) => [l.code, l]));
  const metricByCode = new Map(metrics.map((m) => [m.code, m]));
  const figures = tenant.leaves.flatMap((leaf, i) =>
    demoFiguresForUnit(
      leaf.code,
      tenant.services.map((s) => s.code),
      i === 0 ? 1 : 0.8,
      1000 * (index + 1) + i,
    ),
  );
  // written like an import's figures, through the one figure write path: each chunk of creations with its figure_batch
  // audit row, so a demo figure's history starts with its creation
  const writer = new FigureWriter(em.connection);
  const resolved: ResolvedFigure[] = figures.map((f) => ({
    orgUnitId: unitByCode.get(f.orgUnit)!.id,
    serviceId: serviceByCode.get(f.service)!.id,
    metricId: metricByCode.get(f.metric)!.id,
    orgUnit: f.orgUnit,
    service: f.service,
    metric: f.metric,
    period: f.period,
    value: new Decimal(f.value).toFixed(),
    comment: null,
  }));
  await writer.write(
    em,
    organisationId,
    { submissionId: null, actorId: null, source: 'import', reason: DEMO_REASON },
    writer.plan(resolved, new StoredSeries([])),
  );
  await em.update(Figure, { organisationId, period: Like(`${APPROVED_YEAR}-%`) }, { status: 'approved' });
  // the year before is closed: every period of it approved under the method in force (its values are "as reported")
  const approved = [...new Set(figures.filter((f) => f.period.startsWith(APPROVED_YEAR)).map((f) => `${f.orgUnit}|${f.period}`))].map((key) => {
    const [unit, period] = key.split('|');
    return em.create(PeriodStatus, {
      organisationId,
      orgUnitId: unitByCode.get(unit)!.id,
      period,
      status: 'approved',
      approvedMethodologyVersionId: version.id,
      reason: 'Exercice clos, approuvé sous la méthode 1 (démonstration)',
    });
  });
  await em.insert(PeriodStatus, approved);
  if (tenant.root.code === 'VALMONT') await seedDemoReallocation(em, organisationId, new Map(services.map((s) => [s.code, s.id])));
  if (tenant.root.code === 'VALMONT') await seedDemoFundings(em, organisationId, new Map(services.map((s) => [s.code, s.id])));
  if (tenant.root.code === 'VALMONT') {
    await seedDemoExpectedMetrics(em, organisationId, new Map(services.map((s) => [s.code, s.id])));
    await seedDemoInitiatives(em, organisationId, {
      units: new Map(leaves.map((l) => [l.code, l.id])),
      services: new Map(services.map((s) => [s.code, s.id])),
      metrics: new Map(metrics.map((m) => [m.code, m.id])),
    });
  }
  // the seed itself, as one event of the organisation
  await writeAudited(
    em,
    { id: null, organisationId },
    { entity: 'organisation', action: 'seed-demo' },
    async () => ({ value: undefined, entityId: organisationId, after: { figures: figures.length, services: services.length, users: users.length } }),
    { reason: DEMO_REASON },
  );
  return { id: organisationId, figures: figures.length };
};

/**
 * Creates the demo tenants that do not exist yet. Each one in three steps, so that « tel que publié » keeps method 1:
 * (a) one transaction writes the tenant with method 1 (version 1, its assumptions) and approves 2023 under it; (b) a
 * recompute after that commit computes every period under method 1 and freezes the approved ones (2023) as reported;
 * (c) a second transaction adopts method 2 (reviewed assumptions, version 2), and a last recompute makes it the current
 * method of every period.
 */
export const seedDemo = async (dataSource: DataSource): Promise<SeedResult> => {
  const result: SeedResult = { organisations: [], skipped: [] };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [index, tenant] of DEMO_TENANTS.entries()) {
    const existing = await dataSource.getRepository(Organisation).findOne({ where: { name: tenant.name } });
    if (existing) {
      result.skipped.push(tenant.name);
      continue;
    }
    const seeded = await dataSource.transaction((em) => seedTenant(em, tenant, index, passwordHash));
    await new RecomputeService(new TenantDb(dataSource), inputsRepository()).recompute(seeded.id, []);
    await dataSource.transaction((em) => adoptMethod2(em, seeded.id, tenant));
    await recomputeAll(dataSource, seeded.id);
    result.organisations.push({ name: tenant.name, ...seeded });
  }
  return result;
};
