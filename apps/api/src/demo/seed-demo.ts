import { DataSource, EntityManager } from 'typeorm';
import { Organisation } from '../tenancy/organisation.entity';
import { User } from '../tenancy/user.entity';
import { RoleAssignment } from '../tenancy/role-assignment.entity';
import { OrgUnit } from '../catalogue/org-unit.entity';
import { Service } from '../catalogue/service.entity';
import { Metric } from '../catalogue/metric.entity';
import { Figure } from '../figures/figure.entity';
import { UnitCost } from '../methodology/unit-cost.entity';
import { PriceIndex } from '../methodology/price-index.entity';
import { OutcomeAssumption } from '../methodology/outcome-assumption.entity';
import { AuditLog } from '../audit/audit-log.entity';
import { MethodologyVersion } from '../methodology/methodology-version.entity';
import { PeriodStatus } from '../figures/period-status.entity';

/** Demo periods of this year are approved (closed); the next year is still open for entry and imports. */
const APPROVED_YEAR = '2023';
import { REFERENCE_UNIT_COSTS } from '../methodology/reference-unit-costs';
import { referenceUnitCostFields } from '../methodology/reference-unit-cost.row';
import { hashPassword } from '../tenancy/password-hasher';
import { DEMO_METRICS, DEMO_PASSWORD, DEMO_PRICE_INDEX, DEMO_TENANTS, DemoTenant } from './demo-tenants';
import { demoFiguresForUnit } from './demo-figures';
import { seedDemoReallocation } from './demo-reallocation';
import { seedDemoFundings } from './demo-fundings';
import Decimal from 'decimal.js';

export interface SeedResult {
  organisations: { name: string; id: string; figures: number }[];
  skipped: string[];
}

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
        source: 'Valeurs approchées pour la démonstration (IPC hors tabac) : à vérifier sur insee.fr',
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
  const version = await em.save(
    MethodologyVersion,
    em.create(MethodologyVersion, {
      organisationId,
      version: 1,
      label: 'Méthode 2024 (France Stratégie 3,2 %, euros constants 2024)',
      effectiveFrom: '2024-01-01',
      parameters: { baseYear: 2024, discountRate: '0.032', discountConvention: 0 },
      snapshot: { unitCosts: REFERENCE_UNIT_COSTS.map((u) => u.code), priceIndex: DEMO_PRICE_INDEX },
    }),
  );
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
  const rows = figures.map((f) =>
    em.create(Figure, {
      organisationId,
      orgUnitId: unitByCode.get(f.orgUnit)!.id,
      serviceId: serviceByCode.get(f.service)!.id,
      metricId: metricByCode.get(f.metric)!.id,
      period: f.period,
      value: new Decimal(f.value),
      status: f.period.startsWith(APPROVED_YEAR) ? 'approved' : 'draft',
      source: 'import',
      comment: null,
      submissionId: null,
    }),
  );
  for (let i = 0; i < rows.length; i += 500) await em.insert(Figure, rows.slice(i, i + 500));
  // the year before is closed: every period of it approved under the method in force (its values are "as reported")
  const approved = [...new Set(figures.filter((f) => f.period.startsWith(APPROVED_YEAR)).map((f) => `${f.orgUnit}|${f.period}`))].map((key) => {
    const [unit, period] = key.split('|');
    return em.create(PeriodStatus, {
      organisationId,
      orgUnitId: unitByCode.get(unit)!.id,
      period,
      status: 'approved',
      approvedMethodologyVersionId: version.id,
      reason: 'Exercice clos (démonstration)',
    });
  });
  await em.insert(PeriodStatus, approved);
  if (tenant.root.code === 'VALMONT') await seedDemoReallocation(em, organisationId, new Map(services.map((s) => [s.code, s.id])));
  if (tenant.root.code === 'VALMONT') await seedDemoFundings(em, organisationId, new Map(services.map((s) => [s.code, s.id])));
  await em.insert(AuditLog, {
    organisationId,
    action: 'seed-demo',
    entity: 'organisation',
    entityId: organisationId,
    after: { figures: rows.length, services: services.length, users: users.length },
    reason: 'Données de démonstration',
  });
  return { id: organisationId, figures: rows.length };
};

/** Creates the demo tenants that do not exist yet, each in its own transaction. */
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
    result.organisations.push({ name: tenant.name, ...seeded });
  }
  return result;
};
