import { DataSource } from 'typeorm';
import { Decimal } from '@levier/indicators';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { DEMO_PRICE_INDEX } from '../../apps/api/src/demo/demo-tenants';
import { TenantDb } from '../../apps/api/src/platform/database/tenant-db';
import { IndicatorInputsRepository } from '../../apps/api/src/indicators/savings/indicator-inputs.repository';
import { ServiceFundingRepository } from '../../apps/api/src/funding/service-funding.repository';
import { RecomputeService } from '../../apps/api/src/indicators/savings/recompute.service';
import { Organisation } from '../../apps/api/src/tenancy/organisation.entity';
import { OrgUnit } from '../../apps/api/src/catalogue/org-unit.entity';
import { Service } from '../../apps/api/src/catalogue/service.entity';
import { Metric } from '../../apps/api/src/catalogue/metric.entity';
import { UnitCost } from '../../apps/api/src/methodology/unit-cost.entity';
import { PriceIndex } from '../../apps/api/src/methodology/price-index.entity';
import { OutcomeAssumption } from '../../apps/api/src/methodology/outcome-assumption.entity';
import { MethodologyVersion } from '../../apps/api/src/methodology/methodology-version.entity';
import { ServiceFunding } from '../../apps/api/src/funding/service-funding.entity';
import { REFERENCE_UNIT_COSTS } from '../../apps/api/src/methodology/reference-unit-costs';
import { referenceUnitCostFields } from '../../apps/api/src/methodology/reference-unit-cost.row';
import { createTestDatabase, TestDatabase } from '../setup/test-database';
import { expectSameAsEngine, oracle, readModel, StoredRow } from './read-model-check';
import { RecomputeRepository } from '../../apps/api/src/indicators/savings/recompute.repository';
import { sumFiguresOverUnits } from '../../apps/api/src/indicators/savings/sum-figures';
import { leavesUnder, TreeNode } from '../../apps/api/src/catalogue/org-tree';

/** Deterministic PRNG (mulberry32): the random tenant is the same in every run. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * A small tenant meant to exercise every path: a three-level tree (and a leaf right under the root, and a parent with
 * figures of its own, which the read model ignores), counterfactual and observed outcomes, triples, a unit-cost mix,
 * grades, durations above 1 with drop-off, a quarterly and a yearly service, a service without outcomes, the SROI
 * discount convention, leaves with person_months, others with beneficiaries only, others mixed.
 */
const createRandomTenant = async (ds: DataSource, seed: number, conventions: 1 | 2 = 1): Promise<string> => {
  const random = prng(seed);
  return ds.transaction(async (em) => {
    const org = await em.save(
      Organisation,
      em.create(Organisation, { name: `Aléatoire ${seed} (conventions ${conventions})`, type: 'DEPARTEMENT', budgetFramework: 'M57', headcount: 100 }),
    );
    const organisationId = org.id;
    const unit = (code: string, parentId: string | null) => em.save(OrgUnit, em.create(OrgUnit, { organisationId, code, name: code, parentId }));
    const root = await unit('R', null);
    const m1 = await unit('R-M1', root.id);
    const m2 = await unit('R-M2', root.id);
    const leaves = [
      await unit('R-M1-L1', m1.id),
      await unit('R-M1-L2', m1.id),
      await unit('R-M2-L3', m2.id),
      await unit('R-M2-L4', m2.id),
      await unit('R-L5', root.id),
    ];
    const metricCodes = ['spend', 'person_months', 'beneficiaries', 'observed.chute', 'observed.urgence', 'hours'];
    const metrics = await em.save(
      Metric,
      metricCodes.map((code) =>
        em.create(Metric, { organisationId, code, label: code, unit: 'u', minValue: null, integer: false, system: false, aggregation: 'sum' }),
      ),
    );
    const service = (code: string, granularity: 'month' | 'quarter' | 'year') =>
      em.save(Service, em.create(Service, { organisationId, code, label: code, functionCode: '423', kind: 'PREVENTION', granularity }));
    const s1 = await service('S1', 'month');
    const s2 = await service('S2', 'quarter');
    const s3 = await service('S3', 'month');
    const s4 = await service('S4', 'year');
    await em.save(
      UnitCost,
      REFERENCE_UNIT_COSTS.map((u) => em.create(UnitCost, referenceUnitCostFields(u, organisationId))),
    );
    await em.save(
      PriceIndex,
      Object.entries(DEMO_PRICE_INDEX).map(([year, value]) =>
        em.create(PriceIndex, { organisationId, year: Number(year), value: new Decimal(value), base: '2015=100', source: 'test' }),
      ),
    );
    const outcome = (serviceId: string, code: string, params: Record<string, unknown>) =>
      em.create(OutcomeAssumption, { organisationId, serviceId, code, label: code, params, justification: 'test', evidence: null });
    await em.save(OutcomeAssumption, [
      outcome(s1.id, 'ehpad', {
        mode: 'counterfactual',
        rateWithout: { low: '0.25', central: '0.30', high: '0.33' },
        rateWith: '0.12',
        engagement: { low: '0.7', central: '0.8', high: '0.9' },
        attribution: '0.2',
        quantityPerEvent: '182.5',
        unitCost: [
          { code: 'JOURNEE_EHPAD', share: '0.6' },
          { code: 'PLACE_SSIAD', share: '0.4' },
        ],
        grade: 2,
        // conventions 2: no persistence for a counterfactual outcome, and the days at home that replace the EHPAD days
        ...(conventions === 1
          ? { durationYears: 3, dropOff: { low: '0.3', central: '0.2', high: '0.1' } }
          : {
              substitutionCost: [
                { code: 'JOURNEE_APA_DOMICILE', share: '0.5' },
                { code: 'JOURNEE_SSIAD', share: '0.5' },
              ],
            }),
      }),
      outcome(s1.id, 'hospit', {
        mode: 'counterfactual',
        rateWithout: '0.12',
        rateWith: { low: '0.13', central: '0.09', high: '0.08' },
        unitCost: 'SEJOUR_MCO',
        grade: 4,
        durationYears: 1,
      }),
      outcome(s1.id, 'chute', {
        mode: 'observed',
        deadweight: { low: '0.4', central: '0.3', high: '0.2' },
        attribution: '0.1',
        unitCost: 'PASSAGE_URGENCES',
        grade: 3,
        durationYears: 2,
        dropOff: '0.5',
      }),
      outcome(s2.id, 'urgence', { mode: 'observed', deadweight: '0.25', displacement: '0.1', unitCost: 'PASSAGE_URGENCES', grade: 1 }),
      outcome(s2.id, 'chute', {
        mode: 'observed',
        unitCost: 'SEJOUR_MCO',
        durationYears: 4,
        dropOff: '0.1',
        quantityPerEvent: { low: '0.5', central: '1', high: '1.5' },
      }),
      outcome(s3.id, 'aide', {
        mode: 'counterfactual',
        rateWithout: '2',
        rateWith: '1.5',
        displacement: '0.05',
        quantityPerEvent: '3',
        unitCost: 'HEURE_AIDE_DOMICILE_2022',
        durationYears: 1,
      }),
    ]);
    await em.save(
      MethodologyVersion,
      em.create(MethodologyVersion, {
        organisationId,
        version: 1,
        label: 'Test',
        effectiveFrom: '2020-01-01',
        parameters: { baseYear: 2024, discountRate: '0.035', discountConvention: 1, conventions },
        snapshot: {},
      }),
    );
    if (conventions === 2) {
      // a plan for S1, and for S4 one that changes between its two years (the oracle's document splits S4 by year)
      await em.save(ServiceFunding, [
        em.create(ServiceFunding, { organisationId, serviceId: s1.id, year: 2024, shares: { DEPARTEMENT: '0.5', USAGER: '0.3', CAISSES_RETRAITE: '0.2' } }),
        em.create(ServiceFunding, { organisationId, serviceId: s4.id, year: 2024, shares: { ARS: '0.4', COMMUNE_CCAS: '0.6' } }),
      ]);
    }
    const periods: Record<string, string[]> = {
      [s1.id]: ['2024-01', '2024-02', '2024-03', '2024-04'],
      [s2.id]: ['2024-Q1', '2024-Q2'],
      [s3.id]: ['2024-01', '2024-02', '2024-03', '2024-04'],
      [s4.id]: ['2023', '2024'],
    };
    const metricId = new Map(metrics.map((m) => [m.code, m.id]));
    const rows: [string, string, string, string, string][] = [];
    const exposure = ['person_months', 'beneficiaries', 'both', 'person_months', 'random'];
    [...leaves, m1].forEach((leaf, l) => {
      for (const [serviceId, list] of Object.entries(periods)) {
        for (const period of list) {
          const kind = exposure[l] ?? 'random';
          for (const code of metricCodes) {
            if (random() < 0.25) continue;
            if (code === 'person_months' && (kind === 'beneficiaries' || (kind === 'random' && random() < 0.5))) continue;
            if (code === 'beneficiaries' && kind === 'person_months') continue;
            const value =
              code === 'spend'
                ? (random() * 20000).toFixed(2)
                : code.startsWith('observed.')
                  ? // conventions 2 accepts net counts below 0 (a harm): some leaves report more events than the baseline
                    String(Math.floor(random() * 12) - (conventions === 2 ? 4 : 0))
                  : (random() * 90).toFixed(random() < 0.5 ? 0 : 1);
            rows.push([leaf.id, serviceId, metricId.get(code)!, period, value]);
          }
        }
      }
    });
    await em.query(
      `INSERT INTO figure (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source)
       SELECT $1, u, s, m, p, v::numeric, 'draft', 'import' FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[]) t(u, s, m, p, v)`,
      [organisationId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])],
    );
    return organisationId;
  });
};

describe(RecomputeService.name, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let sut: RecomputeService;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    sut = new RecomputeService(new TenantDb(ds), new IndicatorInputsRepository(new ServiceFundingRepository()));
  });
  afterAll(async () => {
    await db.drop();
  });

  it('writes, for every demo organisation, the rows the per-leaf engine path gives', async () => {
    const seeded = await seedDemo(ds);
    expect(seeded.organisations.length).toBeGreaterThan(0);
    for (const { id } of seeded.organisations) {
      await sut.recompute(id, []);
      expect(expectSameAsEngine(await readModel(ds, id), await oracle(ds, id))).toBeGreaterThan(0);
    }
  });

  it.each([1, 2, 3])('writes the rows the per-leaf engine path gives for a random tenant (seed %i)', async (seed) => {
    const organisationId = await createRandomTenant(ds, seed);
    const { rows } = await sut.recompute(organisationId, []);
    const stored = await readModel(ds, organisationId);
    expect(rows).toBe(stored.length);
    expectSameAsEngine(stored, await oracle(ds, organisationId));
    // an incremental recompute of some periods leaves the same read model
    await sut.recompute(organisationId, ['2024-02', '2024-Q2', '2023']);
    expectSameAsEngine(await readModel(ds, organisationId), await oracle(ds, organisationId));
  });

  it.each([4, 5, 6])(
    'under conventions 2, writes what the engine gives for each unit’s figures: harms, substitution costs, constant euros, funders, events by kind (seed %i)',
    async (seed) => {
      const organisationId = await createRandomTenant(ds, seed, 2);
      await sut.recompute(organisationId, []);
      const stored = await readModel(ds, organisationId);
      expect(stored.every((r) => r.conventions === 2)).toBe(true);
      // the tenant has harms: some stored observed events are negative
      expect(stored.some((r) => Object.values(r.events_by_outcome ?? {}).some((v) => new Decimal(v[0]).isNegative()))).toBe(true);
      expectSameAsEngine(stored, await oracle(ds, organisationId));
      await sut.recompute(organisationId, ['2024-02', '2024-Q2', '2023']);
      expectSameAsEngine(await readModel(ds, organisationId), await oracle(ds, organisationId));
    },
  );

  it.each([1, 4])(
    'sums a scope’s figures in PostgreSQL to what summing them unit by unit gives, where some units reported person-months and others not (seed %i)',
    async (seed) => {
      const organisationId = await createRandomTenant(ds, seed, seed > 3 ? 2 : 1);
      const inputs = new IndicatorInputsRepository(new ServiceFundingRepository());
      const sorted = (rows: ReturnType<typeof sumFiguresOverUnits>) =>
        [...rows].sort((a, b) => `${a.service}|${a.period}|${a.metric}`.localeCompare(`${b.service}|${b.period}|${b.metric}`));
      await new TenantDb(ds).run(organisationId, async (em) => {
        const units: TreeNode[] = await em.query(`SELECT id, code, parent_id AS "parentId" FROM org_unit WHERE organisation_id = $1`, [organisationId]);
        const root = units.find((u) => u.parentId === null)!;
        const all = await inputs.figureSums(
          em,
          organisationId,
          leavesUnder(units, root.id).map((u) => u.id),
          [],
        );
        // the tenant mixes them: a (service, period) with units on both sides
        const sides = new Map<string, Set<string>>();
        for (const f of all) sides.set(`${f.service}|${f.period}`, (sides.get(`${f.service}|${f.period}`) ?? new Set()).add(f.orgUnit));
        expect([...sides.values()].some((s) => s.size === 2)).toBe(true);
        for (const unit of units) {
          const leafIds = leavesUnder(units, unit.id).map((u) => u.id);
          for (const periods of [[], ['2024', '2024-Q1', '2024-Q2', '2024-01', '2024-02', '2024-03', '2024-04']]) {
            const byUnit = sumFiguresOverUnits(await inputs.figures(em, organisationId, leafIds, periods));
            expect(sorted(sumFiguresOverUnits(await inputs.figureSums(em, organisationId, leafIds, periods)))).toEqual(sorted(byUnit));
          }
        }
      });
    },
  );

  it('writes by difference: an edit rewrites only the rows it moves, each period keeps its freshness, a period left without figures goes', async () => {
    const organisationId = await createRandomTenant(ds, 8);
    const first = new Date('2026-01-05T08:00:00Z');
    await sut.recompute(organisationId, [], first);
    const tenant = new TenantDb(ds);
    const versions = async (): Promise<Map<string, string>> => {
      const rows: { k: string; x: string }[] = await tenant.run(organisationId, (em) =>
        em.query(
          `SELECT org_unit_id || '|' || coalesce(service_id::text, '*') || '|' || period AS k, xmin::text AS x
             FROM indicator_value WHERE organisation_id = $1 AND basis = 'current'`,
          [organisationId],
        ),
      );
      return new Map(rows.map((r) => [r.k, r.x]));
    };
    const freshness = async (): Promise<Map<string, string>> => {
      const rows: { period: string; at: Date }[] = await tenant.run(organisationId, (em) =>
        em.query(`SELECT period, computed_at AS at FROM indicator_freshness WHERE organisation_id = $1`, [organisationId]),
      );
      return new Map(rows.map((r) => [r.period, r.at.toISOString()]));
    };
    const before = await versions();
    const freshBefore = await freshness();
    expect(new Set(freshBefore.values())).toEqual(new Set([first.toISOString()]));
    // the read model's current rows carry no time of their own: it is the period's
    const [{ timed }] = await tenant.run(organisationId, (em) =>
      em.query(`SELECT count(*)::int AS timed FROM indicator_value WHERE organisation_id = $1 AND basis = 'current' AND computed_at IS NOT NULL`, [
        organisationId,
      ]),
    );
    expect(timed).toBe(0);

    // one leaf's spend of one month moves: its rows of that month and those of its ancestors, nothing else
    // an UPDATE answers [rows, count]
    const [[edited]]: [{ unit: string; service: string; period: string }[], number] = await tenant.run(organisationId, (em) =>
      em.query(
        `UPDATE figure f SET value = f.value + 7, updated_at = '2030-01-05T08:30:00Z'
          WHERE f.id = (SELECT f2.id FROM figure f2 JOIN metric m2 ON m2.id = f2.metric_id
                         WHERE f2.organisation_id = $1 AND m2.code = 'spend' AND f2.period = '2024-02'
                           AND NOT EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = f2.org_unit_id)
                         ORDER BY f2.org_unit_id, f2.service_id LIMIT 1)
        RETURNING f.org_unit_id AS unit, f.service_id AS service, f.period`,
        [organisationId],
      ),
    );
    expect(edited).toBeDefined();
    const second = new Date('2026-01-05T09:00:00Z');
    await sut.recompute(organisationId, [edited.period], second);
    expectSameAsEngine(await readModel(ds, organisationId), await oracle(ds, organisationId));
    const after = await versions();
    const rewritten = [...after].filter(([k, x]) => before.get(k) !== x).map(([k]) => k);
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.every((k) => k.endsWith(`|${edited.period}`))).toBe(true);
    expect(rewritten).toContain(`${edited.unit}|${edited.service}|${edited.period}`);
    expect(rewritten).toContain(`${edited.unit}|*|${edited.period}`);
    // the leaf's other services did not move
    const untouched = [...after.keys()].filter((k) => k.startsWith(`${edited.unit}|`) && k.endsWith(`|${edited.period}`) && !rewritten.includes(k));
    expect(untouched.length).toBeGreaterThan(0);
    const freshAfter = await freshness();
    expect(freshAfter.get(edited.period)).toBe(second.toISOString());
    expect([...freshAfter].filter(([p]) => p !== edited.period).every(([, at]) => at === first.toISOString())).toBe(true);
    // each period's « données au » is when its savings figures last changed: the edit's (later than the seed's) for the edited month only
    const asOf: { period: string; asOf: Date; changed: Date }[] = await tenant.run(organisationId, (em) =>
      em.query(
        `SELECT i.period, i.data_as_of AS "asOf",
                (SELECT max(f.updated_at) FROM figure f JOIN metric m ON m.id = f.metric_id
                  WHERE f.organisation_id = i.organisation_id AND f.period = i.period
                    AND (m.code IN ('spend', 'person_months', 'beneficiaries') OR m.code LIKE 'observed.%')) AS changed
           FROM indicator_freshness i WHERE i.organisation_id = $1 ORDER BY i.period`,
        [organisationId],
      ),
    );
    expect(asOf.length).toBeGreaterThan(1);
    expect(asOf.filter((r) => r.asOf.getTime() !== r.changed.getTime())).toEqual([]);
    expect(asOf.find((r) => r.period === edited.period)?.asOf.toISOString()).toBe('2030-01-05T08:30:00.000Z');
    expect(asOf.filter((r) => r.period !== edited.period && r.asOf.toISOString() === '2030-01-05T08:30:00.000Z')).toEqual([]);

    // a period whose figures are all gone loses its rows and its freshness; a recompute of everything rewrites nothing else
    await tenant.run(organisationId, (em) => em.query(`DELETE FROM figure WHERE organisation_id = $1 AND period = '2024-03'`, [organisationId]));
    await sut.recompute(organisationId, [], new Date('2026-01-05T10:00:00Z'));
    const last = await versions();
    expect([...last.keys()].some((k) => k.endsWith('|2024-03'))).toBe(false);
    expect([...last].filter(([k, x]) => after.get(k) !== x)).toEqual([]);
    expect((await freshness()).has('2024-03')).toBe(false);
    expectSameAsEngine(await readModel(ds, organisationId), await oracle(ds, organisationId));
  });

  it.each([1, 2])('writes the same rows into an empty read model (plain INSERT) as by difference over existing rows (conventions %i)', async (conventions) => {
    const organisationId = await createRandomTenant(ds, 9 + conventions, conventions as 1 | 2);
    const tenant = new TenantDb(ds);
    const key = (r: StoredRow) => `${r.org_unit_id}|${r.service_id ?? '*'}|${r.period}`;
    const sorted = async () => (await readModel(ds, organisationId)).sort((a, b) => key(a).localeCompare(key(b)));
    const emptyChecks = jest.spyOn(RecomputeRepository.prototype, 'noCurrentRows');
    try {
      await sut.recompute(organisationId, []);
      const plain = await sorted();
      expectSameAsEngine(plain, await oracle(ds, organisationId));
      // only January's rows stay: the read model is not empty, every other row is inserted by the write by difference
      await tenant.run(organisationId, (em) =>
        em.query(`DELETE FROM indicator_value WHERE organisation_id = $1 AND basis = 'current' AND period <> '2024-01'`, [organisationId]),
      );
      await sut.recompute(organisationId, []);
      expect(await sorted()).toEqual(plain);
      // a period whose rows were all deleted is written plainly again, the same
      await tenant.run(organisationId, (em) =>
        em.query(`DELETE FROM indicator_value WHERE organisation_id = $1 AND basis = 'current' AND period = '2024-02'`, [organisationId]),
      );
      await sut.recompute(organisationId, ['2024-02']);
      expect(await sorted()).toEqual(plain);
      expect(await Promise.all(emptyChecks.mock.results.map((r) => r.value as Promise<boolean>))).toEqual([true, false, true]);
    } finally {
      emptyChecks.mockRestore();
    }
  });

  it('stops a conventions-2 recompute on a year without price index, naming the year, and leaves the read model as it was', async () => {
    const organisationId = await createRandomTenant(ds, 7, 2);
    await sut.recompute(organisationId, []);
    const before = await readModel(ds, organisationId);
    await new TenantDb(ds).run(organisationId, (em) => em.query(`DELETE FROM price_index WHERE organisation_id = $1 AND year = 2023`, [organisationId]));
    await expect(sut.recompute(organisationId, [])).rejects.toThrow(/indice des prix manquant pour 2023/);
    expect((await readModel(ds, organisationId)).length).toBe(before.length);
  });
});
