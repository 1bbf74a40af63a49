import { DataSource } from 'typeorm';
import { appDataSourceOptions } from '../../apps/api/src/app-data-source-options';
import { ensureAuditPartitions, yearsAhead } from '../../apps/api/src/audit/audit-partitions';
import { runAuditPartitions } from '../../apps/api/src/cli/audit-partitions.command';
import { loadConfig } from '../../apps/api/src/platform/config/app-config';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

const ORG = '0190a0b0-0000-7000-8000-000000000001';
const THIS_YEAR = new Date().getUTCFullYear();

const partitions = async (ds: DataSource): Promise<string[]> =>
  (
    (await ds.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_log'::regclass ORDER BY 1`,
    )) as { name: string }[]
  ).map((r) => r.name);

/** The relations an EXPLAIN of `sql` scans. */
const scanned = async (ds: DataSource, sql: string, params: unknown[] = []): Promise<string[]> => {
  const [{ 'QUERY PLAN': plan }] = (await ds.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as { 'QUERY PLAN': unknown }[];
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record['Relation Name'] === 'string') found.add(record['Relation Name']);
    for (const value of Object.values(record)) (Array.isArray(value) ? value : [value]).forEach(walk);
  };
  walk(plan);
  return [...found].sort();
};

describe('audit_log partitioned by year (issue 17, item 4)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const io = {
    out: [] as string[],
    stdout(s: string) {
      io.out.push(s);
    },
    stderr(s: string) {
      io.out.push(s);
    },
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    process.env.DATABASE_URL = db.url;
  }, 60_000);
  afterAll(async () => {
    await db.drop();
  }, 60_000);

  it('is a partitioned table on a fresh database, with this year and the next already there', async () => {
    const [{ relkind }] = (await ds.query(`SELECT relkind FROM pg_class WHERE oid = 'audit_log'::regclass`)) as { relkind: string }[];
    expect(relkind).toBe('p');
    expect(await partitions(ds)).toEqual(expect.arrayContaining([`audit_log_y${THIS_YEAR}`, `audit_log_y${THIS_YEAR + 1}`]));
  });

  it('creates missing partitions once, whatever the number of processes asking at the same time', async () => {
    const years = [THIS_YEAR + 2, THIS_YEAR + 3, THIS_YEAR + 4];
    const others = await Promise.all([1, 2, 3, 4].map(() => new DataSource(appDataSourceOptions(db.url, { poolSize: 1 })).initialize()));
    try {
      const created = await Promise.all(others.map((other) => ensureAuditPartitions(other, years)));
      expect(created.flat().sort()).toEqual(years);
    } finally {
      await Promise.all(others.map((other) => other.destroy()));
    }
    expect(await ensureAuditPartitions(ds, years)).toEqual([]);
    expect(await partitions(ds)).toEqual(expect.arrayContaining(years.map((y) => `audit_log_y${y}`)));
    expect(yearsAhead(new Date(Date.UTC(2026, 11, 31, 23, 59)))).toEqual([2026, 2027]);
  });

  it('gives each partition the row-level security of its parent', async () => {
    const rows = (await ds.query(
      `SELECT c.relname AS name, c.relrowsecurity AS rls, (SELECT count(*)::int FROM pg_policies p WHERE p.tablename = c.relname) AS policies
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_log'::regclass`,
    )) as { name: string; rls: boolean; policies: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => !r.rls || r.policies !== 1)).toEqual([]);
  });

  it('prunes partitions: a read bounded in time scans its years only', async () => {
    await ensureAuditPartitions(ds, [2023, 2024, 2025]);
    expect(
      await scanned(ds, `SELECT * FROM audit_log WHERE organisation_id = $1 AND at >= '2024-01-01T00:00:00Z' AND at < '2025-01-01T00:00:00Z'`, [ORG]),
    ).toEqual(['audit_log_y2024']);
    expect(await scanned(ds, `SELECT * FROM audit_log WHERE at >= '2024-06-01T00:00:00Z' AND at < '2025-03-01T00:00:00Z'`)).toEqual([
      'audit_log_y2024',
      'audit_log_y2025',
    ]);
  });

  it('detaches a past year with the command line: its rows leave the log and stay in their own table', async () => {
    await ensureAuditPartitions(ds, [2021]);
    await ds.query(
      `INSERT INTO audit_log (organisation_id, at, action, entity, entity_id, after) VALUES ($1, '2021-06-01T10:00:00Z', 'figure.upsert', 'figure', 'x', '{"value": "1"}'),
                                                                                          ($1, now(), 'figure.upsert', 'figure', 'y', '{"value": "2"}')`,
      [ORG],
    );
    expect(await runAuditPartitions(loadConfig(), 'detach', ['--year', String(THIS_YEAR)], io)).toBe(2);
    expect(io.out.pop()).toMatch(/^--year doit être une année passée/);
    expect(await runAuditPartitions(loadConfig(), 'detach', ['--year', '2021'], io)).toBe(0);
    expect(io.out.pop()).toMatch(/^Partition audit_log_y2021 détachée/);
    expect(await partitions(ds)).not.toContain('audit_log_y2021');
    expect(await ds.query(`SELECT entity_id FROM audit_log WHERE entity_id IN ('x', 'y')`)).toEqual([{ entity_id: 'y' }]);
    expect(await ds.query(`SELECT entity_id FROM audit_log_y2021`)).toEqual([{ entity_id: 'x' }]);
    expect(await runAuditPartitions(loadConfig(), 'detach', ['--year', '2021'], io)).toBe(2);
    expect(io.out.pop()).toBe('Aucune partition audit_log_y2021 attachée au journal d’audit.');
    expect(await runAuditPartitions(loadConfig(), 'partitions', [], io)).toBe(0);
    expect(io.out.pop()).toContain(`audit_log_y${THIS_YEAR} : environ`);
  });

  it('migrates an existing database with audit rows: every row kept with its id, in its year, and ids continue', async () => {
    const other = await createTestDatabase();
    const ods = await other.dataSource();
    try {
      while ((await ods.query(`SELECT 1 FROM typeorm_migrations WHERE name = 'PartitionAuditLog1795830000002'`)).length > 0) {
        await ods.undoLastMigration({ transaction: 'each' });
      }
      const [{ relkind }] = (await ods.query(`SELECT relkind FROM pg_class WHERE oid = 'audit_log'::regclass`)) as { relkind: string }[];
      expect(relkind).toBe('r');
      await ods.query(
        `INSERT INTO audit_log (organisation_id, at, action, entity, entity_id, before, after, reason)
         SELECT $1, ts, 'figure.upsert', 'figure', 'f-' || extract(year FROM ts), '{"value": "1"}', '{"value": "2"}', 'motif'
           FROM unnest(ARRAY['2019-03-01T00:00:00Z', '2024-12-31T23:59:59Z', now()]::timestamptz[]) AS ts`,
        [ORG],
      );
      const before = (await ods.query(`SELECT id::text, at, entity_id, before, after, reason FROM audit_log ORDER BY id`)) as unknown[];
      await ods.runMigrations({ transaction: 'each' });
      expect(await ods.query(`SELECT id::text, at, entity_id, before, after, reason FROM audit_log ORDER BY id`)).toEqual(before);
      expect(await partitions(ods)).toEqual(expect.arrayContaining(['audit_log_y2019', 'audit_log_y2020', 'audit_log_y2024', `audit_log_y${THIS_YEAR + 1}`]));
      const [{ partition }] = (await ods.query(`SELECT tableoid::regclass::text AS partition FROM audit_log WHERE entity_id = 'f-2019'`)) as {
        partition: string;
      }[];
      expect(partition).toBe('audit_log_y2019');
      const maxBefore = Math.max(...(before as { id: string }[]).map((r) => Number(r.id)));
      const [{ id }] = (await ods.query(`INSERT INTO audit_log (organisation_id, action, entity, entity_id) VALUES ($1, 'a', 'b', 'c') RETURNING id::text`, [
        ORG,
      ])) as {
        id: string;
      }[];
      expect(Number(id)).toBeGreaterThan(maxBefore);
    } finally {
      await other.drop();
    }
  }, 120_000);
});
