import { DataSource, QueryFailedError } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

/** The SQLSTATE a statement fails with, or null when it succeeds. */
const failure = async (ds: DataSource, sql: string, params: unknown[] = []): Promise<string | null> => {
  try {
    await ds.transaction(async (em) => {
      await em.query(sql, params);
      throw new Error('rollback');
    });
    return null;
  } catch (err) {
    if (err instanceof QueryFailedError) return (err.driverError as { code?: string }).code ?? 'unknown';
    if (err instanceof Error && err.message === 'rollback') return null;
    throw err;
  }
};

/**
 * `figure`'s references checked once per statement (migration 1795840000001) keep what its foreign keys guaranteed,
 * plus the tenant: a figure's unit, service and metric are of its own organisation.
 */
describe('figure references checked per statement', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let valmont: { org: string; unit: string; service: string; metric: string };
  let bellerive: { org: string; unit: string; service: string; metric: string };
  const insert = `INSERT INTO figure (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source) VALUES ($1, $2, $3, $4, '2031-01', 1, 'draft', 'api')`;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
    // figures of 2031 are inserted directly below, not through FigureWriter: their yearly partition is made here
    await ds.query(`SELECT levier_ensure_figure_partition(2031)`);
    const keyOf = async (org: string) =>
      (
        (await ds.query(
          `SELECT f.organisation_id AS org, f.org_unit_id AS unit, f.service_id AS service, f.metric_id AS metric
             FROM figure f JOIN organisation o ON o.id = f.organisation_id WHERE o.name ILIKE $1 LIMIT 1`,
          [`%${org}%`],
        )) as { org: string; unit: string; service: string; metric: string }[]
      )[0];
    valmont = await keyOf('Valmont');
    bellerive = await keyOf('Bellerive');
  }, 120_000);
  afterAll(async () => {
    await db.drop();
  }, 60_000);

  it('accepts a figure whose unit, service and metric exist in its organisation', async () => {
    expect(await failure(ds, insert, [valmont.org, valmont.unit, valmont.service, valmont.metric])).toBeNull();
  });

  it('refuses a missing or another organisation’s unit, service or metric with a foreign-key violation', async () => {
    const missing = '0190a0b0-0000-7000-8000-00000000dead';
    expect(await failure(ds, insert, [valmont.org, missing, valmont.service, valmont.metric])).toBe('23503');
    expect(await failure(ds, insert, [missing, valmont.unit, valmont.service, valmont.metric])).toBe('23503');
    expect(await failure(ds, insert, [valmont.org, bellerive.unit, valmont.service, valmont.metric])).toBe('23503');
    expect(await failure(ds, insert, [valmont.org, valmont.unit, bellerive.service, valmont.metric])).toBe('23503');
    expect(await failure(ds, insert, [valmont.org, valmont.unit, valmont.service, bellerive.metric])).toBe('23503');
    expect(
      await failure(ds, `UPDATE figure SET metric_id = $2 WHERE id = (SELECT id FROM figure WHERE organisation_id = $1 LIMIT 1)`, [
        valmont.org,
        bellerive.metric,
      ]),
    ).toBe('23503');
  });

  it('refuses to delete a unit, service or metric that figures use (RESTRICT)', async () => {
    expect(await failure(ds, `DELETE FROM metric WHERE id = $1`, [valmont.metric])).toBe('23503');
    expect(await failure(ds, `DELETE FROM service WHERE id = $1`, [valmont.service])).toBe('23503');
    expect(await failure(ds, `DELETE FROM org_unit WHERE id = $1`, [valmont.unit])).toBe('23503');
    const [{ id }] = (await ds.query(
      `INSERT INTO metric (organisation_id, code, label, unit) SELECT organisation_id, 'inutilisee', 'Inutilisée', unit FROM metric WHERE id = $1 RETURNING id`,
      [valmont.metric],
    )) as { id: string }[];
    expect(await failure(ds, `DELETE FROM metric WHERE id = $1`, [id])).toBeNull();
  });

  it('deletes an organisation’s figures with it (CASCADE)', async () => {
    const count = async () =>
      Number(((await ds.query(`SELECT count(*)::int AS n FROM figure WHERE organisation_id = $1`, [bellerive.org])) as { n: number }[])[0].n);
    expect(await count()).toBeGreaterThan(0);
    await ds.query(`DELETE FROM organisation WHERE id = $1`, [bellerive.org]);
    expect(await count()).toBe(0);
  });
});
