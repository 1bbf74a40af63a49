import { DataSource, EntityManager } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { FigureWriter } from '../../apps/api/src/figures/figure-writer';
import type { FigureLockKey } from '../../apps/api/src/figures/figure-locks';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

const PERIODS = ['2024-01', '2024-02', '2024-03'];

/**
 * FigureWriter.lockFigures on the real PostgreSQL: a first transaction holds its locks while a second, limited by
 * lock_timeout, tries to take its own. Consecutive files of one export must not wait; two writes of a figure must.
 */
describe('figure write locks (advisory, PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let writer: FigureWriter;
  let organisationId: string;
  let rows: FigureLockKey[];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
    writer = new FigureWriter(ds);
    [{ id: organisationId }] = (await ds.query(`SELECT id FROM organisation ORDER BY name LIMIT 1`)) as { id: string }[];
    const units = (await ds.query(`SELECT id FROM org_unit WHERE organisation_id = $1 ORDER BY code LIMIT 3`, [organisationId])) as { id: string }[];
    const services = (await ds.query(`SELECT id FROM service WHERE organisation_id = $1 ORDER BY code LIMIT 2`, [organisationId])) as { id: string }[];
    const metrics = (await ds.query(`SELECT id FROM metric WHERE organisation_id = $1 ORDER BY code LIMIT 2`, [organisationId])) as { id: string }[];
    // an export in file order: unit → service → metric → period (3 × 2 × 2 × 3 = 36 rows)
    rows = units.flatMap((u) =>
      services.flatMap((s) => metrics.flatMap((m) => PERIODS.map((period) => ({ orgUnitId: u.id, serviceId: s.id, metricId: m.id, period })))),
    );
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  /** Whether `second` can take its locks while a transaction holds those of `first` (lock_timeout 300 ms). */
  const takesBeside = async (first: readonly FigureLockKey[], second: readonly FigureLockKey[]): Promise<boolean> => {
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await writer.lockFigures(holder.manager, organisationId, first);
      return await ds.transaction(async (em: EntityManager) => {
        await em.query(`SET LOCAL lock_timeout = '300ms'`);
        try {
          await writer.lockFigures(em, organisationId, second);
          return true;
        } catch (err) {
          if ((err as { code?: string }).code === '55P03') return false;
          throw err;
        }
      });
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  };

  it('lets the next file of an export, cut inside a unit and inside a series, take its locks while the first holds its own', async () => {
    // rows 0–16 and 17–35: the cut falls in the second unit, inside its first series' months
    expect(await takesBeside(rows.slice(0, 17), rows.slice(17))).toBe(true);
    expect(await takesBeside(rows.slice(17), rows.slice(0, 17))).toBe(true);
  });

  it('makes a second write of a figure wait for the first, whatever the shapes of both', async () => {
    const figure = rows[17];
    expect(await takesBeside(rows.slice(0, 18), [figure])).toBe(false);
    expect(await takesBeside([figure], rows.slice(17))).toBe(false);
    expect(await takesBeside(rows, rows.slice(10, 20))).toBe(false);
    // the same figure written by two single edits
    expect(await takesBeside([figure], [figure])).toBe(false);
  });

  it('lets writes of other figures of the same unit go on beside a single edit', async () => {
    expect(await takesBeside([rows[17]], [rows[18]])).toBe(true);
  });
});
