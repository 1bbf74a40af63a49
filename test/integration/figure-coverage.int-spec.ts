import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { TenantDb } from '../../apps/api/src/platform/database/tenant-db';
import { FigureWriter } from '../../apps/api/src/figures/figure-writer';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

interface Key {
  org: string;
  unit: string;
  service: string;
  metric: string;
}

/**
 * `figure_coverage` (migration 1795860000000) holds exactly the distinct (organisation, unit, service, period) of the
 * figures, after every statement: the months of a scope read it instead of scanning the figures.
 */
describe('figure coverage kept by figure’s statements', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let key: Key;
  let otherMetric: string;

  /** Coverage rows that differ from a DISTINCT over the figures (both ways): empty when the table is exact. */
  const drift = async (): Promise<unknown[]> =>
    (await ds.query(
      `(SELECT organisation_id, org_unit_id, service_id, period FROM figure_coverage
         EXCEPT SELECT DISTINCT organisation_id, org_unit_id, service_id, period FROM figure)
       UNION ALL
       (SELECT DISTINCT organisation_id, org_unit_id, service_id, period FROM figure
         EXCEPT SELECT organisation_id, org_unit_id, service_id, period FROM figure_coverage)`,
    )) as unknown[];
  const covered = async (period: string): Promise<number> =>
    Number(
      (
        (await ds.query(`SELECT count(*)::int AS n FROM figure_coverage WHERE organisation_id = $1 AND org_unit_id = $2 AND service_id = $3 AND period = $4`, [
          key.org,
          key.unit,
          key.service,
          period,
        ])) as { n: number }[]
      )[0].n,
    );
  /** A figure of the test's unit and service, as FigureWriter takes it (codes are not read by the writer). */
  const resolved = (metric: string, period: string, value: string) => ({
    orgUnitId: key.unit,
    serviceId: key.service,
    metricId: metric,
    orgUnit: 'U',
    service: 'S',
    metric: 'M',
    period,
    value,
    comment: null,
  });
  const insertFigure = (metric: string, period: string) =>
    ds.query(
      `INSERT INTO figure (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source) VALUES ($1, $2, $3, $4, $5, 1, 'draft', 'api')`,
      [key.org, key.unit, key.service, metric, period],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
    // figures of 2031 are inserted directly below, not through FigureWriter: their yearly partition is made here
    await ds.query(`SELECT levier_ensure_figure_partition(2031)`);
    [key] = (await ds.query(
      `SELECT f.organisation_id AS org, f.org_unit_id AS unit, f.service_id AS service, f.metric_id AS metric
         FROM figure f JOIN organisation o ON o.id = f.organisation_id WHERE o.name ILIKE '%Valmont%' LIMIT 1`,
    )) as Key[];
    [{ id: otherMetric }] = (await ds.query(
      `INSERT INTO metric (organisation_id, code, label, unit) SELECT organisation_id, 'couverture_test', 'Couverture (test)', unit FROM metric WHERE id = $1 RETURNING id`,
      [key.metric],
    )) as { id: string }[];
  }, 120_000);
  afterAll(async () => {
    await db.drop();
  }, 60_000);

  it('holds the demo’s keys after the migration and the seed', async () => {
    expect(Number(((await ds.query(`SELECT count(*)::int AS n FROM figure_coverage`)) as { n: number }[])[0].n)).toBeGreaterThan(0);
    expect(await drift()).toEqual([]);
  });

  it('adds a key with its first figure and keeps it while one figure remains', async () => {
    expect(await covered('2031-01')).toBe(0);
    await insertFigure(key.metric, '2031-01');
    await insertFigure(otherMetric, '2031-01');
    expect(await covered('2031-01')).toBe(1);
    await ds.query(`DELETE FROM figure WHERE metric_id = $1 AND period = '2031-01'`, [key.metric]);
    expect(await covered('2031-01')).toBe(1);
    await ds.query(`DELETE FROM figure WHERE metric_id = $1 AND period = '2031-01'`, [otherMetric]);
    expect(await covered('2031-01')).toBe(0);
    expect(await drift()).toEqual([]);
  });

  it('moves a key when an update changes a figure’s period, and leaves it alone on a value edit', async () => {
    await insertFigure(key.metric, '2031-02');
    await ds.query(`UPDATE figure SET value = 2 WHERE metric_id = $1 AND period = '2031-02'`, [key.metric]);
    expect(await covered('2031-02')).toBe(1);
    await ds.query(`UPDATE figure SET period = '2031-03' WHERE metric_id = $1 AND period = '2031-02'`, [key.metric]);
    expect(await covered('2031-02')).toBe(0);
    expect(await covered('2031-03')).toBe(1);
    expect(await drift()).toEqual([]);
  });

  it('rolls back with the figure’s statement', async () => {
    await expect(
      ds.transaction(async (em) => {
        await em.query(
          `INSERT INTO figure (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source) VALUES ($1, $2, $3, $4, '2031-04', 1, 'draft', 'api')`,
          [key.org, key.unit, key.service, key.metric],
        );
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await covered('2031-04')).toBe(0);
  });

  it('is kept by FigureWriter’s inserts into the partition, as the tenant, and rolls back with them', async () => {
    const writer = new FigureWriter(ds);
    const rows = [key.metric, otherMetric].flatMap((metric) => ['2031-08', '2031-09'].map((period) => resolved(metric, period, '5')));
    const writeAll = (then: () => void) =>
      new TenantDb(ds).run(key.org, async (em) => {
        await writer.write(em, key.org, { submissionId: null, actorId: null, source: 'api' }, writer.plan(rows, await writer.storedSeries(em, key.org, rows)));
        then();
      });
    await expect(
      writeAll(() => {
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect([await covered('2031-08'), await covered('2031-09')]).toEqual([0, 0]);
    await writeAll(() => undefined);
    expect([await covered('2031-08'), await covered('2031-09')]).toEqual([1, 1]);
    const partitions = (await ds.query(`SELECT DISTINCT tableoid::regclass::text AS p FROM figure WHERE period IN ('2031-08', '2031-09')`)) as { p: string }[];
    expect(partitions).toEqual([{ p: 'figure_y2031' }]);
    expect(await drift()).toEqual([]);
  });

  it('lets two writes that share keys in two years both complete, each having written its figures before meeting the other', async () => {
    const writer = new FigureWriter(ds);
    const rowsOf = (metric: string) => ['2032-10', '2031-10'].map((period) => resolved(metric, period, '9'));
    // each write stops after its first chunk (its first year) until the other has written its own, or fails after 10 s
    const firstChunks: Array<() => void> = [];
    const bothWritten = new Promise<void>((resolve) => {
      let count = 0;
      firstChunks.push(
        () => ++count === 2 && resolve(),
        () => ++count === 2 && resolve(),
      );
    });
    const write = (metric: string, done: () => void) =>
      new TenantDb(ds).run(key.org, async (em) => {
        const rows = rowsOf(metric);
        let chunks = 0;
        await writer.write(
          em,
          key.org,
          { submissionId: null, actorId: null, source: 'api' },
          writer.plan(rows, await writer.storedSeries(em, key.org, rows)),
          async () => {
            if (++chunks > 1) return;
            done();
            let timer: NodeJS.Timeout | undefined;
            const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('l’autre écriture n’a pas écrit son premier lot')), 10_000)));
            await Promise.race([bothWritten, late]).finally(() => clearTimeout(timer));
          },
        );
      });
    await Promise.all([write(key.metric, firstChunks[0]), write(otherMetric, firstChunks[1])]);
    expect([await covered('2031-10'), await covered('2032-10')]).toEqual([1, 1]);
    expect(await drift()).toEqual([]);
  }, 30_000);

  it('is read through the tenant’s row-level security', async () => {
    const visible = await new TenantDb(ds).run(
      key.org,
      async (em) => (await em.query(`SELECT DISTINCT organisation_id AS org FROM figure_coverage`)) as { org: string }[],
    );
    expect(visible).toEqual([{ org: key.org }]);
  });
});
