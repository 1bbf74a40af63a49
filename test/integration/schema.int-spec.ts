import { schemaDrift } from '../../apps/api/src/cli/migration.command';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

describe('database schema', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('has no drift: generating a migration against the migrated schema finds nothing', async () => {
    const drift = await schemaDrift(await db.dataSource());
    expect(drift.up).toEqual([]);
  });

  it('stores decimals exactly as numeric and reads them back as Decimal', async () => {
    const ds = await db.dataSource();
    const [row] = await ds.query(`SELECT '12345678901234567890.123456789'::numeric AS v`);
    expect(row.v).toBe('12345678901234567890.123456789');
  });

  it('can revert every migration and apply them again', async () => {
    const ds = await db.dataSource();
    for (let i = 0; i < ds.migrations.length; i += 1) await ds.undoLastMigration({ transaction: 'each' });
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'figure'`);
    expect(count).toBe(0);
    await ds.runMigrations({ transaction: 'each' });
    expect((await schemaDrift(ds)).up).toEqual([]);
  });
});
