import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { Organisation } from '../apps/api/src/tenancy/organisation.entity';
import { OrgUnit } from '../apps/api/src/catalogue/org-unit.entity';
import { Service } from '../apps/api/src/catalogue/service.entity';
import { Metric } from '../apps/api/src/catalogue/metric.entity';
import { UnitCost } from '../apps/api/src/methodology/unit-cost.entity';
import { PriceIndex } from '../apps/api/src/methodology/price-index.entity';
import { OutcomeAssumption } from '../apps/api/src/methodology/outcome-assumption.entity';
import { MethodologyVersion } from '../apps/api/src/methodology/methodology-version.entity';
import { User } from '../apps/api/src/tenancy/user.entity';
import { RoleAssignment } from '../apps/api/src/tenancy/role-assignment.entity';
import { REFERENCE_UNIT_COSTS } from '../apps/api/src/methodology/reference-unit-costs';
import { DEMO_PRICE_INDEX } from '../apps/api/src/demo/demo-tenants';
import { hashPassword } from '../apps/api/src/tenancy/password-hasher';
import { ensureFigurePartitions, yearsOfPeriods } from '../apps/api/src/figures/figure-partitions';
import { benchMonths, Scale } from './scales';

export const BENCH_PASSWORD = 'levier-bench-password';

export interface BenchTenant {
  id: string;
  name: string;
  rootCode: string;
  leafCodes: string[];
  serviceCodes: string[];
  metricCodes: string[];
  financeEmail: string;
  directorEmail: string;
}

const EXTRA_METRICS = ['hours', 'meals', 'visits', 'calls', 'km', 'requests', 'files', 'volunteers'];
const OUTCOMES = [
  { unitCost: 'JOURNEE_EHPAD', quantityPerEvent: '182.5', rateWithout: '0.30', rateWith: '0.12', durationYears: 3, dropOff: '0.2' },
  { unitCost: 'SEJOUR_MCO', quantityPerEvent: '1', rateWithout: '0.12', rateWith: '0.09', durationYears: 1, dropOff: '0' },
  { unitCost: 'JOURNEE_ASE_MECS', quantityPerEvent: '365', rateWithout: '0.05', rateWith: '0.03', durationYears: 1, dropOff: '0' },
];

/**
 * A deterministic tenant of the given scale: a root unit with `leaves` leaf units, services running at every leaf,
 * metrics (spend, person_months, beneficiaries, observed.o1, then extra activity metrics), one outcome per service,
 * the reference unit costs, the demo price index and a methodology version. A finance user to drive the API.
 */
export const createBenchTenant = async (ds: DataSource, scale: Scale, name: string): Promise<BenchTenant> => {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  return ds.transaction(async (em) => {
    const org = await em.save(Organisation, em.create(Organisation, { name, type: 'DEPARTEMENT', budgetFramework: 'M57', headcount: 1000 }));
    const organisationId = org.id;
    const prefix = name
      .replace(/[^A-Z0-9]/gi, '')
      .toUpperCase()
      .slice(0, 10);
    const root = await em.save(OrgUnit, em.create(OrgUnit, { organisationId, code: prefix, name, parentId: null }));
    const leafCodes = Array.from({ length: scale.leaves }, (_, i) => `${prefix}-${String(i + 1).padStart(4, '0')}`);
    const leaves: OrgUnit[] = [];
    for (let i = 0; i < leafCodes.length; i += 1000) {
      leaves.push(
        ...(await em.save(
          OrgUnit,
          leafCodes.slice(i, i + 1000).map((code) => em.create(OrgUnit, { organisationId, code, name: `Unité ${code}`, parentId: root.id })),
        )),
      );
    }
    const metricCodes = ['spend', 'person_months', 'beneficiaries', 'observed.o1', ...EXTRA_METRICS].slice(0, scale.metrics);
    await em.save(
      Metric,
      metricCodes.map((code) =>
        em.create(Metric, {
          organisationId,
          code,
          label: code,
          unit: code === 'spend' ? '€' : 'u',
          minValue: new Decimal(0),
          integer: false,
          system: false,
          aggregation: 'sum',
        }),
      ),
    );
    const serviceCodes = Array.from({ length: scale.services }, (_, i) => `SVC${String(i + 1).padStart(2, '0')}`);
    const services = await em.save(
      Service,
      serviceCodes.map((code, i) =>
        em.create(Service, {
          organisationId,
          code,
          label: `Service ${code}`,
          functionCode: ['423', '4213', '424', '4232'][i % 4],
          kind: 'PREVENTION',
          granularity: 'month',
        }),
      ),
    );
    // service ↔ unit links, set-based (300 × 20 rows at M)
    await em.query(`INSERT INTO service_org_unit (service_id, org_unit_id) SELECT s, u FROM unnest($1::uuid[]) s, unnest($2::uuid[]) u`, [
      services.map((s) => s.id),
      leaves.map((l) => l.id),
    ]);
    await em.save(
      UnitCost,
      REFERENCE_UNIT_COSTS.map((u) =>
        em.create(UnitCost, { ...u, organisationId, amount: new Decimal(u.amount), cashableShare: new Decimal(u.cashableShare) }),
      ),
    );
    await em.save(
      PriceIndex,
      Object.entries(DEMO_PRICE_INDEX).map(([year, value]) =>
        em.create(PriceIndex, { organisationId, year: Number(year), value: new Decimal(value), base: '2015=100', source: 'bench' }),
      ),
    );
    await em.save(
      OutcomeAssumption,
      services.map((s, i) => {
        const o = OUTCOMES[i % OUTCOMES.length];
        return em.create(OutcomeAssumption, {
          organisationId,
          serviceId: s.id,
          code: 'o1',
          label: 'Résultat évité',
          params: {
            mode: 'counterfactual',
            rateWithout: o.rateWithout,
            rateWith: { low: o.rateWith, central: o.rateWith, high: o.rateWith },
            attribution: '0.2',
            quantityPerEvent: o.quantityPerEvent,
            unitCost: o.unitCost,
            grade: 3,
            durationYears: o.durationYears,
            dropOff: o.dropOff,
          },
          justification: 'Hypothèse de banc d’essai',
          evidence: null,
        });
      }),
    );
    await em.save(
      MethodologyVersion,
      em.create(MethodologyVersion, {
        organisationId,
        version: 1,
        label: 'Bench',
        effectiveFrom: '2020-01-01',
        parameters: { baseYear: 2024, discountRate: '0.032', discountConvention: 0 },
        snapshot: {},
      }),
    );
    const financeEmail = `finance@${prefix.toLowerCase()}.bench`;
    const user = await em.save(User, em.create(User, { email: financeEmail, displayName: 'Bench finance', passwordHash, organisationId, isDemo: false }));
    await em.save(RoleAssignment, em.create(RoleAssignment, { organisationId, userId: user.id, role: 'finance', orgUnitId: null }));
    const directorEmail = `directeur@${prefix.toLowerCase()}.bench`;
    const director = await em.save(
      User,
      em.create(User, { email: directorEmail, displayName: 'Bench direction', passwordHash, organisationId, isDemo: false }),
    );
    await em.save(RoleAssignment, em.create(RoleAssignment, { organisationId, userId: director.id, role: 'director', orgUnitId: null }));
    return { id: organisationId, name, rootCode: root.code, leafCodes, serviceCodes, metricCodes, financeEmail, directorEmail };
  });
};

/** The deterministic value of a figure, as SQL over the code columns (no randomness, same in every run). */
const VALUE_SQL = `CASE m.code
    WHEN 'spend' THEN 8000 + (abs(hashtext(u.code || s.code || p)) % 4000) + 0.37
    WHEN 'person_months' THEN 60 + (abs(hashtext(u.code || s.code || p || 'pm')) % 40)
    WHEN 'beneficiaries' THEN 20 + (abs(hashtext(u.code || s.code || p || 'b')) % 20)
    ELSE abs(hashtext(u.code || s.code || m.code || p)) % 100 END`;

/** Inserts every figure of the tenant set-based in PostgreSQL (seeding for the recompute and load measures). */
export const fillFigures = async (ds: DataSource, tenant: BenchTenant, scale: Scale): Promise<number> => {
  const months = benchMonths(scale);
  await ensureFigurePartitions(ds, yearsOfPeriods(months));
  let total = 0;
  for (let i = 0; i < tenant.leafCodes.length; i += 25) {
    const leafCodes = tenant.leafCodes.slice(i, i + 25);
    await ds.query(
      `INSERT INTO figure (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source)
       SELECT $1, u.id, s.id, m.id, p, ${VALUE_SQL}, 'draft', 'import'
         FROM org_unit u, service s, metric m, unnest($3::text[]) p
        WHERE u.organisation_id = $1 AND u.code = ANY($2::text[]) AND s.organisation_id = $1 AND m.organisation_id = $1`,
      [tenant.id, leafCodes, months],
    );
  }
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM figure WHERE organisation_id = $1`, [tenant.id]);
  total = n;
  return total;
};

/** The same figures as CSV lines (French export shape: `;`, decimal comma), in files of at most `rowsPerFile` rows. */
export function* csvFiles(tenant: BenchTenant, scale: Scale, rowsPerFile: number): Generator<{ rows: number; csv: string }> {
  const months = benchMonths(scale);
  let lines: string[] = [];
  const flush = () => {
    const out = { rows: lines.length, csv: `unite;service;indicateur;periode;valeur\n${lines.join('\n')}\n` };
    lines = [];
    return out;
  };
  let n = 0;
  for (const unit of tenant.leafCodes) {
    for (const service of tenant.serviceCodes) {
      for (const metric of tenant.metricCodes) {
        for (const period of months) {
          n += 1;
          const value = metric === 'spend' ? `${8000 + (n % 4000)},37` : String(20 + (n % 80));
          lines.push(`${unit};${service};${metric};${period};${value}`);
          if (lines.length >= rowsPerFile) yield flush();
        }
      }
    }
  }
  if (lines.length > 0) yield flush();
}
