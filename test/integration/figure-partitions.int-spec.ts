import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { ensureFigurePartitions, listFigurePartitions, yearsOfPeriods } from '../../apps/api/src/figures/figure-partitions';
import { FigureRepository } from '../../apps/api/src/figures/figure.repository';
import { SubmissionsService } from '../../apps/api/src/figures/submissions.service';
import { HistoryRepository } from '../../apps/api/src/figures/history.repository';
import type { AuthUser } from '../../apps/api/src/tenancy/auth-user';
import { authUserOf, csvFile, waitForSubmission } from '../factories/ingestion.factory';
import { createTestDatabase, TestDatabase, uniqueQueuePrefix } from '../setup/test-database';
import { startTestProducer, startTestWorker } from '../setup/test-worker';

interface PlanNode {
  'Relation Name'?: string;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** The partitions of figure an EXPLAIN of `sql` plans (no ANALYZE) or, with `analyze`, actually executes (loops > 0). */
const figurePartitionsIn = async (ds: Pick<DataSource, 'query'>, sql: string, params: unknown[], analyze = false): Promise<string[]> => {
  const [{ 'QUERY PLAN': plan }] = (await ds.query(`EXPLAIN (${analyze ? 'ANALYZE, TIMING OFF, ' : ''}FORMAT JSON) ${sql}`, params)) as {
    'QUERY PLAN': { Plan: PlanNode }[];
  }[];
  const found = new Set<string>();
  const walk = (node: PlanNode): void => {
    const name = node['Relation Name'];
    if (name !== undefined && name.startsWith('figure_y') && (!analyze || (node['Actual Loops'] ?? 0) > 0)) found.add(name);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan[0].Plan);
  return [...found].sort();
};

const CSV_HEADER = 'unite;service;indicateur;periode;valeur;commentaire';

describe('figure partitioned by year (migration 1795870000000)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let producer: TestingModule;
  let worker: TestingModule;
  let finance: AuthUser;
  let valmontId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
    finance = await authUserOf(ds, 'finance@valmont.demo');
    valmontId = finance.organisationId;
    const prefix = uniqueQueuePrefix();
    producer = await startTestProducer(db.url, prefix);
    worker = await startTestWorker(db.url, prefix);
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await producer?.close();
    await db?.drop();
  });

  const importCsv = async (lines: string[]): Promise<void> => {
    const accepted = await producer.get(SubmissionsService).submitFile(finance, csvFile([CSV_HEADER, ...lines].join('\n')), undefined);
    const done = await waitForSubmission(ds, accepted.id);
    expect(done).toMatchObject({ status: 'applied', errors: [] });
  };

  it('stores every figure in the partition of its year', async () => {
    const rows = (await ds.query(`SELECT f.tableoid::regclass::text AS partition, f.period FROM figure f GROUP BY 1, 2 ORDER BY 2`)) as {
      partition: string;
      period: string;
    }[];
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.partition !== `figure_y${r.period.slice(0, 4)}`)).toEqual([]);
    const names = (await listFigurePartitions(ds)).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['figure_y2023', 'figure_y2024']));
    // no default partition: a figure of a year without partition is refused, never kept where a detach would miss it
    expect((await listFigurePartitions(ds)).filter((p) => p.bounds === 'DEFAULT')).toEqual([]);
  });

  it('creates the partition of a year an import brings (2015), with the parent’s security and its UPDATE and DELETE triggers, and writes the figure there', async () => {
    expect(await ds.query(`SELECT to_regclass('public.figure_y2015') AS t`)).toEqual([{ t: null }]);
    await importCsv(['VALMONT-NORD;SAAD;spend;2015-03;1234.50;dossier ancien', 'VALMONT-NORD;SAAD;spend;2015-04;1500;']);

    const stored = (await ds.query(
      `SELECT f.tableoid::regclass::text AS partition, f.period, f.value::text AS value FROM figure f WHERE f.organisation_id = $1 AND left(f.period, 4) = '2015' ORDER BY f.period`,
      [valmontId],
    )) as { partition: string; period: string; value: string }[];
    expect(stored).toEqual([
      { partition: 'figure_y2015', period: '2015-03', value: '1234.50' },
      { partition: 'figure_y2015', period: '2015-04', value: '1500' },
    ]);
    const [security] = (await ds.query(
      `SELECT c.relrowsecurity AS rls, has_table_privilege('levier_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE') AS granted,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
              (SELECT array_agg(t.tgname::text ORDER BY t.tgname) FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) AS triggers
         FROM pg_class c WHERE c.relname = 'figure_y2015'`,
    )) as { rls: boolean; granted: boolean; policies: number; triggers: string[] }[];
    // an INSERT naming the partition is FigureWriter's, which checks references and adds coverage itself (migration 1795900000000)
    expect(security).toEqual({
      rls: true,
      granted: true,
      policies: 1,
      triggers: ['figure_coverage_delete', 'figure_coverage_update', 'figure_references_update'],
    });
    // the writer added the keys of the rows it wrote into the new partition
    const [{ covered }] = (await ds.query(`SELECT count(*)::int AS covered FROM figure_coverage WHERE organisation_id = $1 AND period LIKE '2015%'`, [
      valmontId,
    ])) as { covered: number }[];
    expect(covered).toBe(2); // one (unit, service, period) per month
  });

  it('changes a figure through the writer’s update by (id, period) and reads it back by id alone (GET /api/figures/:id, its history)', async () => {
    await importCsv(['VALMONT-NORD;SAAD;spend;2015-03;1300.00;corrigé']);
    const [{ id }] = (await ds.query(`SELECT id FROM figure WHERE organisation_id = $1 AND period = '2015-03'`, [valmontId])) as { id: string }[];
    const view = await new FigureRepository().findView(ds.manager, valmontId, id);
    expect(view).toMatchObject({ id, period: '2015-03', value: '1300.00', service: 'SAAD', metric: 'spend' });
    const history = await new HistoryRepository().figure(ds.manager, valmontId, id);
    expect(history.map((h) => [h.old, h.new])).toEqual([
      ['1234.50', '1300.00'],
      [null, '1234.50'],
    ]);
  });

  it('prunes: a read of one period plans its year only, the writer’s update by (id, period) executes its year only', async () => {
    // the recompute's read of one period (indicators/savings/recompute.repository.ts, createLeafDrivers), parameters as it passes them
    expect(
      await figurePartitionsIn(
        ds,
        `SELECT f.org_unit_id, f.service_id, f.period, sum(f.value) FROM figure f
          WHERE f.organisation_id = $1 AND (cardinality($2::text[]) = 0 OR f.period = ANY($2::text[])) GROUP BY 1, 2, 3`,
        [valmontId, ['2024-05']],
      ),
    ).toEqual(['figure_y2024']);
    // a range of periods (figure list filter, series of a year)
    expect(
      await figurePartitionsIn(ds, `SELECT count(*) FROM figure f WHERE f.organisation_id = $1 AND f.period >= $2 AND f.period <= $3`, [
        valmontId,
        '2023-01',
        '2023-12',
      ]),
    ).toEqual(['figure_y2023']);
    // all periods: every year
    expect(await figurePartitionsIn(ds, `SELECT count(*) FROM figure f WHERE f.organisation_id = $1`, [valmontId])).toEqual(
      (await listFigurePartitions(ds)).map((p) => p.name),
    );
    // the writer's update (figure-writer.ts, updateChunk) joins its chunk on (id, period) and names the chunk's periods:
    // planned on their years only, whatever the join
    const [{ id }] = (await ds.query(`SELECT id FROM figure WHERE organisation_id = $1 AND period = '2015-03'`, [valmontId])) as { id: string }[];
    const update = `WITH t AS MATERIALIZED (SELECT * FROM unnest($2::uuid[], $3::varchar[]) AS t(id, period))
       UPDATE figure f SET comment = f.comment FROM t WHERE f.id = t.id AND f.period = t.period AND f.period = ANY($3::varchar[]) AND f.organisation_id = $1`;
    expect(await figurePartitionsIn(ds, update, [valmontId, [id], ['2015-03']])).toEqual(['figure_y2015']);
    expect(await figurePartitionsIn(ds, update, [valmontId, [id], ['2015-03']], true)).toEqual(['figure_y2015']);
  });

  it('makes sure of partitions idempotently, and reports only those it created', async () => {
    expect(yearsOfPeriods(['2016-Q2', '2016', '2017-01', '2015-03'])).toEqual([2015, 2016, 2017]);
    expect(await ensureFigurePartitions(ds, [2015, 2016, 2017])).toEqual([2016, 2017]);
    expect(await ensureFigurePartitions(ds, [2015, 2016, 2017])).toEqual([]);
    // four processes asking at once for the same new year: one creates it, the others find it
    const together = await Promise.all([1, 2, 3, 4].map(() => ensureFigurePartitions(ds, [2018])));
    expect(together.flat()).toEqual([2018]);
    await expect(ds.query(`SELECT levier_ensure_figure_partition(99999)`)).rejects.toThrow(/Année hors limites/);
  });
});

describe('migration 1795870000000 on a database with figures', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  const snapshot = async (): Promise<string[]> =>
    (
      (await ds.query(
        `SELECT id || ' ' || organisation_id || ' ' || org_unit_id || ' ' || service_id || ' ' || metric_id || ' ' || period || ' ' || value || ' ' || status AS row
           FROM figure ORDER BY id`,
      )) as { row: string }[]
    ).map((r) => r.row);

  it('moves the rows into their years keeping their ids, and down() gives back the plain table with the same rows', async () => {
    const lastName = async (): Promise<string> =>
      ((await ds.query(`SELECT name FROM typeorm_migrations ORDER BY id DESC LIMIT 1`)) as { name: string }[])[0].name;
    while ((await lastName()) !== 'PartitionFigure1795870000000') await ds.undoLastMigration({ transaction: 'each' });
    const partitioned = await snapshot();
    expect(partitioned.length).toBeGreaterThan(100);

    await ds.undoLastMigration({ transaction: 'each' });
    expect(await ds.query(`SELECT relkind FROM pg_class WHERE oid = 'public.figure'::regclass`)).toEqual([{ relkind: 'r' }]);
    expect(await snapshot()).toEqual(partitioned);
    // a figure of 2019 stored before the migration: its year is created by the migration (from the oldest figure on)
    const [{ id: old }] = (await ds.query(
      `INSERT INTO figure (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source)
       SELECT organisation_id, org_unit_id, service_id, metric_id, '2019-06', 7, 'approved', 'import' FROM figure LIMIT 1 RETURNING id`,
    )) as { id: string }[];
    const plain = await snapshot();

    await ds.runMigrations({ transaction: 'each' });
    expect(await ds.query(`SELECT relkind FROM pg_class WHERE oid = 'public.figure'::regclass`)).toEqual([{ relkind: 'p' }]);
    expect(await snapshot()).toEqual(plain);
    expect(await ds.query(`SELECT tableoid::regclass::text AS partition FROM figure WHERE id = $1`, [old])).toEqual([{ partition: 'figure_y2019' }]);
    const names = (await listFigurePartitions(ds)).map((p) => p.name);
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(names[0]).toBe('figure_y2019');
    expect(names[names.length - 1]).toBe(`figure_y${nextYear}`);
    expect(names).toHaveLength(nextYear - 2019 + 1);
    // the statement triggers work on the partitioned parent: a reference of another organisation is refused (23503)
    await expect(
      ds.query(
        `INSERT INTO figure (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source)
         SELECT o.id, f.org_unit_id, f.service_id, f.metric_id, '2025-02', 1, 'draft', 'api' FROM figure f, organisation o
          WHERE o.id <> f.organisation_id LIMIT 1`,
      ),
    ).rejects.toMatchObject({ code: '23503' });
  });
});
