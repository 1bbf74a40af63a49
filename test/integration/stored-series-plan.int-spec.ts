import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { STORED_SERIES_SQL } from '../../apps/api/src/figures/figure-writer';
import { STORED_SERIES_BODY } from '../../migrations/1795900000002-StoredSeriesReadByKey';
import { TenantDb } from '../../apps/api/src/platform/database/tenant-db';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

interface PlanNode {
  'Node Type': string;
  'Function Name'?: string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan, depth first. */
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/** The join the writer used before: planned freely, driven by the statistics of the organisation's share of figure. */
const FORMER_SQL = `SELECT f.id, f.org_unit_id AS "orgUnitId", f.service_id AS "serviceId", f.metric_id AS "metricId", f.period, f.value::text AS value, f.status, f.comment
           FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS s(org_unit_id, service_id, metric_id)
           JOIN figure f ON f.org_unit_id = s.org_unit_id AND f.service_id = s.service_id AND f.metric_id = s.metric_id
          WHERE f.organisation_id = $1`;

/**
 * The read of a file's stored series (FigureWriter.storedSeries) is planned series by series through the natural key,
 * even when the statistics say the organisation has no figure: the case of an organisation's first imports, before
 * the worker's statistics refresh (figure-statistics.ts) has seen them.
 */
describe('the stored-series read of an import', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let bellerive: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
    [{ id: bellerive }] = (await ds.query(`SELECT id FROM organisation WHERE name ILIKE '%Bellerive%'`)) as { id: string }[];
    const [{ id: valmont }] = (await ds.query(`SELECT id FROM organisation WHERE name ILIKE '%Valmont%'`)) as { id: string }[];
    // a year big enough for the choice of index to matter: Valmont's units × services × 100 metrics × 12 months of 2031
    await ds.query(`SELECT levier_ensure_figure_partition(2031)`);
    await ds.query(
      `INSERT INTO metric (organisation_id, code, label, unit) SELECT $1, 'plan_' || i, 'Plan ' || i, 'nombre' FROM generate_series(1, 100) AS i`,
      [valmont],
    );
    await ds.query(
      `INSERT INTO figure (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source)
       SELECT $1, u.id, s.id, m.id, '2031-' || lpad(month::text, 2, '0'), 1, 'draft', 'api'
         FROM org_unit u, service s, metric m, generate_series(1, 12) AS month
        WHERE u.organisation_id = $1 AND s.organisation_id = $1 AND m.organisation_id = $1 AND m.code LIKE 'plan\_%'`,
      [valmont],
    );
    // the statistics of an organisation that has not imported yet: all of figure's rows belong to the others
    await ds.query(`DELETE FROM figure WHERE organisation_id = $1`, [bellerive]);
    await ds.query(`ANALYZE figure`);
  }, 120_000);
  afterAll(async () => {
    await db.drop();
  }, 60_000);

  /**
   * The plan of a read of 1 700 series (a file of 100 000 rows over 60 months), as the worker's tenant role, or as
   * the tables' owner like levier_stored_series (SECURITY DEFINER), with the tenant set all the same.
   */
  const planOf = (sql: string, as: 'tenant' | 'owner'): Promise<PlanNode> => {
    const series = Array.from({ length: 1700 }, () => randomUUID());
    return new TenantDb(ds).run(bellerive, async (em) => {
      if (as === 'owner') await em.query(`RESET ROLE`);
      const [row] = (await em.query(`EXPLAIN (FORMAT JSON) ${sql}`, [bellerive, series, series, series])) as { 'QUERY PLAN': { Plan: PlanNode }[] }[];
      return row['QUERY PLAN'][0].Plan;
    });
  };

  /**
   * How the plan reads the big year: each scan of it with the indexes it uses (a bitmap heap scan's are its
   * children's), e.g. `Index Scan figure_y2031_…_idx`, `Bitmap Heap Scan figure_y2031_…_idx`, `Seq Scan`.
   */
  const bigYear = (plan: PlanNode): string[] =>
    nodes(plan)
      .filter((n) => n['Relation Name'] === 'figure_y2031')
      .map((n) => [n['Node Type'], ...nodes(n).flatMap((m) => (m['Index Name'] ? [m['Index Name']] : []))].join(' '));
  const NATURAL_KEY = 'figure_y2031_org_unit_id_service_id_metric_id_period_idx';

  it('was planned from the organisation’s figures under these statistics (the hazard this test guards against)', async () => {
    const plan = await planOf(FORMER_SQL, 'tenant');
    expect(bigYear(plan).some((read) => read.includes('organisation_id_period') || read.startsWith('Seq Scan'))).toBe(true);
  });

  it('probes the natural key once per series, the series driving, whatever the statistics', async () => {
    const gated = await planOf(STORED_SERIES_BODY, 'owner');
    // the tenant check is a one-time filter (a Result) above the join
    expect(gated['Node Type']).toBe('Result');
    const plan = gated.Plans?.[0] as PlanNode;
    expect(plan['Node Type']).toBe('Nested Loop');
    expect(plan.Plans?.[0]).toMatchObject({ 'Node Type': 'Function Scan' });
    // an index scan or a bitmap scan of the natural key, as the planner likes, but never the organisation's figures
    const reads = bigYear(plan);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((read) => read.startsWith('Seq Scan') || read.includes('organisation_id_period') || !read.includes(NATURAL_KEY))).toEqual([]);
  });

  it('reads the same rows as the free join', async () => {
    const [valmont] = (await ds.query(`SELECT id FROM organisation WHERE name ILIKE '%Valmont%'`)) as { id: string }[];
    const keys = (await ds.query(`SELECT DISTINCT org_unit_id AS u, service_id AS s, metric_id AS m FROM figure WHERE organisation_id = $1`, [valmont.id])) as {
      u: string;
      s: string;
      m: string;
    }[];
    const read = (sql: string) =>
      new TenantDb(ds).run(valmont.id, async (em) =>
        ((await em.query(`${sql} ORDER BY 1`, [valmont.id, keys.map((k) => k.u), keys.map((k) => k.s), keys.map((k) => k.m)])) as unknown[]).map((r) =>
          JSON.stringify(r),
        ),
      );
    const stored = await read(STORED_SERIES_SQL);
    expect(stored.length).toBeGreaterThan(100);
    expect(stored).toEqual(await read(FORMER_SQL));
  });

  it('answers only for the transaction’s tenant', async () => {
    const [valmont] = (await ds.query(`SELECT id FROM organisation WHERE name ILIKE '%Valmont%'`)) as { id: string }[];
    const keys = (await ds.query(`SELECT DISTINCT org_unit_id AS u, service_id AS s, metric_id AS m FROM figure WHERE organisation_id = $1 LIMIT 20`, [
      valmont.id,
    ])) as { u: string; s: string; m: string }[];
    const params = [valmont.id, keys.map((k) => k.u), keys.map((k) => k.s), keys.map((k) => k.m)];
    const asTenant = (tenant: string) => new TenantDb(ds).run(tenant, async (em) => (await em.query(STORED_SERIES_SQL, params)) as unknown[]);
    expect((await asTenant(valmont.id)).length).toBeGreaterThan(0);
    expect(await asTenant(bellerive)).toEqual([]);
  });
});
