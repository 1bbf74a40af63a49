import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { FigureStatistics } from '../../apps/api/src/figures/figure-statistics';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

/** The partition's count of ANALYZE runs (manual and automatic) and its changes since the last one. */
const analyzeState = async (ds: DataSource, name: string): Promise<{ analyses: number; changed: number }> => {
  const [row] = (await ds.query(
    `SELECT (analyze_count + autoanalyze_count)::int AS analyses, n_mod_since_analyze::int AS changed FROM pg_stat_user_tables WHERE relname = $1`,
    [name],
  )) as { analyses: number; changed: number }[];
  return row;
};

/** Statistics reach pg_stat_user_tables when a backend reports them (at most every second): wait for them. */
const waitForChanges = async (ds: DataSource, name: string, atLeast: number): Promise<void> => {
  const deadline = Date.now() + 15_000;
  while ((await analyzeState(ds, name)).changed < atLeast) {
    if (Date.now() > deadline) throw new Error(`les modifications de ${name} ne sont pas apparues dans pg_stat_user_tables`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/**
 * FigureStatistics on the real PostgreSQL: after an import, the yearly partitions of `figure` whose rows changed beyond
 * the thresholds are analysed, the others are not, and a partition another worker is analysing is skipped.
 */
describe('figure statistics after an import (ANALYZE of stale partitions)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let statistics: FigureStatistics;
  let year: string;
  let otherYear: string;
  let changedRows: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
    statistics = new FigureStatistics(ds);
    // two years of their own, copies of the demo's last year, so that no late statistics report of the seeding counts
    const [{ year: source }] = (await ds.query(`SELECT max(left(period, 4)) AS year FROM figure`)) as { year: string }[];
    [year, otherYear] = ['2031', '2032'];
    await ds.query(`SELECT levier_ensure_figure_partition(y) FROM unnest(ARRAY[2031, 2032]) AS y`);
    for (const y of [year, otherYear]) {
      // autovacuum would analyse these small partitions on its own in the middle of the test
      await ds.query(`ALTER TABLE figure_y${y} SET (autovacuum_enabled = false)`);
      await ds.transaction(async (em) => {
        await em.query(`CREATE TEMP TABLE copied ON COMMIT DROP AS SELECT * FROM figure WHERE period LIKE $1 || '%'`, [source]);
        await em.query(`UPDATE copied SET id = gen_random_uuid(), period = $1 || substr(period, 5)`, [y]);
        await em.query(`INSERT INTO figure SELECT * FROM copied`);
      });
    }
    [{ count: changedRows }] = (await ds.query(`SELECT count(*)::int AS count FROM figure WHERE period LIKE $1 || '%'`, [year])) as { count: number }[];
    expect(changedRows).toBeGreaterThan(100);
    for (const y of [year, otherYear]) await waitForChanges(ds, `figure_y${y}`, changedRows);
    await ds.query(`ANALYZE figure_y${year}, figure_y${otherYear}`);
    // as an import would: change every figure of one year
    await ds.query(`UPDATE figure SET value = value + 1 WHERE period LIKE $1 || '%'`, [year]);
    await waitForChanges(ds, `figure_y${year}`, changedRows);
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('leaves a partition alone while its changes stay under the thresholds', async () => {
    const before = await analyzeState(ds, `figure_y${year}`);
    expect(await statistics.refreshAfterWrite([`${year}-01`])).toEqual([]);
    expect(await statistics.refreshAfterWrite([`${year}-01`], { minChangedRows: changedRows + 1, changedShare: 0 })).toEqual([]);
    expect((await analyzeState(ds, `figure_y${year}`)).analyses).toBe(before.analyses);
  });

  it('skips a partition another worker is analysing', async () => {
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended('levier:analyze|' || $1, 0))`, [`figure_y${year}`]);
      expect(await statistics.refreshAfterWrite([`${year}-03`], { minChangedRows: changedRows, changedShare: 0 })).toEqual([]);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('does nothing for a service that does not own the tables, and says so once', async () => {
    const guest = `levier_stats_guest_${process.pid}`;
    await ds.query(`CREATE ROLE ${guest} LOGIN`);
    const url = new URL(db.url);
    url.username = guest;
    url.password = '';
    const guestDs = await new DataSource({ type: 'postgres', url: url.toString(), poolSize: 1 }).initialize();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const before = await analyzeState(ds, `figure_y${year}`);
      const guestStatistics = new FigureStatistics(guestDs);
      expect(await guestStatistics.analysePermitted()).toBe(false);
      const everything = { minChangedRows: 1, changedShare: 0 };
      expect(await guestStatistics.refreshAfterWrite([`${year}-02`], everything)).toEqual([]);
      expect(await guestStatistics.refreshAfterWrite([`${year}-04`], everything)).toEqual([]);
      expect((await analyzeState(ds, `figure_y${year}`)).analyses).toBe(before.analyses);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toContain(`l’utilisateur « ${guest} » de la base n’est pas propriétaire de la table`);
      expect(await statistics.analysePermitted()).toBe(true);
    } finally {
      warn.mockRestore();
      await guestDs.destroy();
      await ds.query(`DROP ROLE ${guest}`);
    }
  });

  it('analyses the stale partition of the written years, and only it', async () => {
    const before = await analyzeState(ds, `figure_y${year}`);
    const otherBefore = await analyzeState(ds, `figure_y${otherYear}`);
    const analysed = await statistics.refreshAfterWrite([`${year}-02`, `${otherYear}-05`, '2099-01'], { minChangedRows: changedRows, changedShare: 0 });
    expect(analysed).toEqual([`figure_y${year}`]);
    const after = await analyzeState(ds, `figure_y${year}`);
    expect(after.analyses).toBe(before.analyses + 1);
    expect(after.changed).toBe(0);
    expect((await analyzeState(ds, `figure_y${otherYear}`)).analyses).toBe(otherBefore.analyses);
    // the planner now counts the partition's rows
    const [{ reltuples }] = (await ds.query(`SELECT reltuples::int FROM pg_class WHERE relname = $1`, [`figure_y${year}`])) as { reltuples: number }[];
    const [{ count }] = (await ds.query(`SELECT count(*)::int FROM figure WHERE period LIKE $1 || '%'`, [year])) as { count: number }[];
    expect(reltuples).toBe(count);
  });
});
