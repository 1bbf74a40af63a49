import { DataSource } from 'typeorm';
import { Decimal } from '@levier/indicators';
import { TenantDb } from '../../apps/api/src/platform/database/tenant-db';
import { CustomIndicatorRecomputeService } from '../../apps/api/src/indicators/custom/custom-indicator-recompute.service';
import { CustomIndicatorRepository } from '../../apps/api/src/indicators/custom/custom-indicator.repository';
import { CustomIndicator } from '../../apps/api/src/indicators/custom/custom-indicator.entity';
import { Organisation } from '../../apps/api/src/tenancy/organisation.entity';
import { OrgUnit } from '../../apps/api/src/catalogue/org-unit.entity';
import { Service } from '../../apps/api/src/catalogue/service.entity';
import { Metric } from '../../apps/api/src/catalogue/metric.entity';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

const PERIODS = ['2024-01', '2024-02', '2024-03'];

/** Two leaves under a root, two services, spend and meals every month: `#{spend} / #{meals}` has 2 × 2 × 3 = 12 cells. */
const createTenant = async (ds: DataSource): Promise<string> =>
  ds.transaction(async (em) => {
    const org = await em.save(
      Organisation,
      em.create(Organisation, { name: 'Indicateurs libres', type: 'DEPARTEMENT', budgetFramework: 'M57', headcount: 10 }),
    );
    const organisationId = org.id;
    const root = await em.save(OrgUnit, em.create(OrgUnit, { organisationId, code: 'R', name: 'Racine', parentId: null }));
    const leaves = await em.save(
      OrgUnit,
      ['R-A', 'R-B'].map((code) => em.create(OrgUnit, { organisationId, code, name: code, parentId: root.id })),
    );
    const services = await em.save(
      Service,
      ['PORTAGE', 'AIDE'].map((code) =>
        em.create(Service, { organisationId, code, label: code, functionCode: '423', kind: 'PREVENTION', granularity: 'month' }),
      ),
    );
    const metrics = await em.save(
      Metric,
      ['spend', 'meals'].map((code) =>
        em.create(Metric, { organisationId, code, label: code, unit: 'u', minValue: null, integer: false, system: false, aggregation: 'sum' }),
      ),
    );
    // inserted directly, not through FigureWriter: the year's partition of figure is made here
    await em.query(`SELECT levier_ensure_figure_partition(2024)`);
    await em.query(
      `INSERT INTO figure (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source)
       SELECT $1, u, s, m, p, (100 + length(p) * 3 + ascii(right(p, 1)))::numeric / 4, 'draft', 'import'
         FROM unnest($2::uuid[]) u, unnest($3::uuid[]) s, unnest($4::uuid[]) m, unnest($5::text[]) p`,
      [organisationId, leaves.map((l) => l.id), services.map((s) => s.id), metrics.map((m) => m.id), PERIODS],
    );
    await em.save(
      CustomIndicator,
      em.create(CustomIndicator, {
        organisationId,
        code: 'COUT_REPAS',
        label: 'Coût par repas',
        unit: '€/repas',
        numerator: '#{spend}',
        denominator: '#{meals}',
        factor: null,
      }),
    );
    return organisationId;
  });

describe(CustomIndicatorRecomputeService.name, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let tenant: TenantDb;
  let sut: CustomIndicatorRecomputeService;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    tenant = new TenantDb(ds);
    sut = new CustomIndicatorRecomputeService(tenant, new CustomIndicatorRepository());
  });
  afterAll(async () => {
    await db.drop();
  });

  /** Each cell's values as text and its row version (xmin), by `unit|service|period`. */
  const cells = async (organisationId: string): Promise<Map<string, { values: string; xmin: string; at: string }>> => {
    const rows: { k: string; values: string; xmin: string; at: Date }[] = await tenant.run(organisationId, (em) =>
      em.query(
        `SELECT u.code || '|' || s.code || '|' || v.period AS k, v.numerator::text || ' / ' || coalesce(v.denominator::text, '-') || ' ' || v.period_start || '…' || v.period_end AS values,
                v.xmin::text AS xmin, v.computed_at AS at
           FROM custom_indicator_value v JOIN org_unit u ON u.id = v.org_unit_id JOIN service s ON s.id = v.service_id
          WHERE v.organisation_id = $1`,
        [organisationId],
      ),
    );
    return new Map(rows.map((r) => [r.k, { values: r.values, xmin: r.xmin, at: r.at.toISOString() }]));
  };
  const computedAt = (organisationId: string) => tenant.run(organisationId, (em) => new CustomIndicatorRepository().computedAt(em, organisationId));

  it('writes its cells by difference: a recompute that changes nothing writes nothing, an edit rewrites its one cell, a cell left without figures goes', async () => {
    const organisationId = await createTenant(ds);
    expect(await computedAt(organisationId)).toBeNull();
    const first = new Date('2026-02-01T08:00:00Z');
    await sut.recompute(organisationId, [], first);
    const initial = await cells(organisationId);
    expect(initial.size).toBe(12);
    // spend and meals are equal figures: every cell is x / x, here (100 + 7 × 3 + ascii('1')) / 4 = 170 / 4 = 42.5
    expect(initial.get('R-A|PORTAGE|2024-01')!.values).toBe('42.5 / 42.5 2024-01-01…2024-01-31');
    expect(await computedAt(organisationId)).toEqual(first);

    // nothing moved: no cell is rewritten, but the recompute's time is the new one
    const second = new Date('2026-02-01T09:00:00Z');
    await sut.recompute(organisationId, [], second);
    const unchanged = await cells(organisationId);
    expect([...unchanged].filter(([k, c]) => initial.get(k)!.xmin !== c.xmin)).toEqual([]);
    expect(await computedAt(organisationId)).toEqual(second);

    // one figure moves: its cell only, with the new time; 42.5 + 7 = 49.5
    await tenant.run(organisationId, (em) =>
      em.query(
        `UPDATE figure f SET value = f.value + 7 FROM org_unit u, service s, metric m
          WHERE f.organisation_id = $1 AND u.id = f.org_unit_id AND s.id = f.service_id AND m.id = f.metric_id
            AND u.code = 'R-B' AND s.code = 'AIDE' AND m.code = 'spend' AND f.period = '2024-02'`,
        [organisationId],
      ),
    );
    const third = new Date('2026-02-01T10:00:00Z');
    await sut.recompute(organisationId, ['2024-02'], third);
    const edited = await cells(organisationId);
    const rewritten = [...edited].filter(([k, c]) => unchanged.get(k)!.xmin !== c.xmin).map(([k]) => k);
    expect(rewritten).toEqual(['R-B|AIDE|2024-02']);
    // figure 2024-02: (100 + 21 + ascii('2') = 171) / 4 = 42.75, spend 49.75
    expect(edited.get('R-B|AIDE|2024-02')).toEqual({ values: '49.75 / 42.75 2024-02-01…2024-02-29', xmin: expect.any(String), at: third.toISOString() });
    expect(edited.get('R-A|AIDE|2024-02')!.at).toBe(first.toISOString());

    // a cell without any figure left goes, the others stay as they were
    await tenant.run(organisationId, (em) =>
      em.query(`DELETE FROM figure f USING org_unit u WHERE f.organisation_id = $1 AND u.id = f.org_unit_id AND u.code = 'R-A' AND f.period = '2024-03'`, [
        organisationId,
      ]),
    );
    await sut.recompute(organisationId, [], new Date('2026-02-01T11:00:00Z'));
    const last = await cells(organisationId);
    expect([...last.keys()].sort()).toEqual([...edited.keys()].filter((k) => !k.startsWith('R-A|') || !k.endsWith('|2024-03')).sort());
    expect([...last].filter(([k, c]) => edited.get(k)!.xmin !== c.xmin)).toEqual([]);

    // the same cells as writing them whole
    await tenant.run(organisationId, (em) => em.query(`DELETE FROM custom_indicator_value WHERE organisation_id = $1`, [organisationId]));
    expect(await computedAt(organisationId)).toBeNull();
    await sut.recompute(organisationId, [], new Date('2026-02-01T12:00:00Z'));
    const whole = await cells(organisationId);
    expect(new Map([...whole].map(([k, c]) => [k, c.values]))).toEqual(new Map([...last].map(([k, c]) => [k, c.values])));
    expect(new Decimal(whole.get('R-B|AIDE|2024-02')!.values.split(' / ')[0]).toFixed(2)).toBe('49.75');
  });
});
