import { DataSource, QueryFailedError } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { FigureWriter } from '../../apps/api/src/figures/figure-writer';
import { TenantDb } from '../../apps/api/src/platform/database/tenant-db';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

/** The SQLSTATE some work fails with (rolled back either way), or null when it succeeds. */
const sqlState = async (work: (rollback: () => never) => Promise<unknown>): Promise<string | null> => {
  try {
    await work(() => {
      throw new Error('rollback');
    });
    return null;
  } catch (err) {
    if (err instanceof QueryFailedError) return (err.driverError as { code?: string }).code ?? 'unknown';
    if (err instanceof Error && err.message === 'rollback') return null;
    throw err;
  }
};

/** The SQLSTATE a statement fails with, or null when it succeeds. */
const failure = (ds: DataSource, sql: string, params: unknown[] = []): Promise<string | null> =>
  sqlState((rollback) =>
    ds.transaction(async (em) => {
      await em.query(sql, params);
      rollback();
    }),
  );

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

  it('refuses, through FigureWriter (which inserts into the partition without trigger), what the trigger refuses, and writes nothing', async () => {
    const writer = new FigureWriter(ds);
    /** Writes one figure of 2031-06 through the writer, in Valmont's tenant transaction; the SQLSTATE it fails with, or null. */
    const write = async (unit: string, service: string, metric: string): Promise<string | null> => {
      const row = {
        orgUnitId: unit,
        serviceId: service,
        metricId: metric,
        orgUnit: 'U',
        service: 'S',
        metric: 'M',
        period: '2031-06',
        value: '7',
        comment: null,
      };
      return sqlState((rollback) =>
        new TenantDb(ds).run(valmont.org, async (em) => {
          const changes = writer.plan([row], await writer.storedSeries(em, valmont.org, [row]));
          await writer.write(em, valmont.org, { submissionId: null, actorId: null, source: 'api' }, changes);
          rollback();
        }),
      );
    };
    const missing = '0190a0b0-0000-7000-8000-00000000dead';
    expect(await write(valmont.unit, valmont.service, valmont.metric)).toBeNull();
    expect(await write(missing, valmont.service, valmont.metric)).toBe('23503');
    expect(await write(bellerive.unit, valmont.service, valmont.metric)).toBe('23503');
    expect(await write(valmont.unit, bellerive.service, valmont.metric)).toBe('23503');
    expect(await write(valmont.unit, valmont.service, bellerive.metric)).toBe('23503');
    expect(await ds.query(`SELECT count(*)::int AS n FROM figure WHERE period = '2031-06'`)).toEqual([{ n: 0 }]);
    // the writer is the only one to name a partition in an INSERT: a statement on the parent is still checked by the trigger
    expect(await failure(ds, insert.replace('2031-01', '2031-06'), [valmont.org, bellerive.unit, valmont.service, valmont.metric])).toBe('23503');
  });

  it('makes a concurrent delete of a unit the writer uses wait for its commit, then refuses it (FOR KEY SHARE)', async () => {
    const writer = new FigureWriter(ds);
    const [{ id: unit }] = (await ds.query(
      `INSERT INTO org_unit (organisation_id, code, name, parent_id)
       SELECT organisation_id, 'VERROU-TEST', 'Unité du verrou (test)', parent_id FROM org_unit WHERE id = $1 RETURNING id`,
      [valmont.unit],
    )) as { id: string }[];
    const row = {
      orgUnitId: unit,
      serviceId: valmont.service,
      metricId: valmont.metric,
      orgUnit: 'VERROU-TEST',
      service: 'S',
      metric: 'M',
      period: '2031-07',
      value: '3',
      comment: null,
    };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const writing = new TenantDb(ds).run(valmont.org, async (em) => {
      await writer.write(
        em,
        valmont.org,
        { submissionId: null, actorId: null, source: 'api' },
        writer.plan([row], await writer.storedSeries(em, valmont.org, [row])),
      );
      written();
      await held;
    });
    await wrote;
    let deleted: string | null | 'pending' = 'pending';
    const deleting = failure(ds, `DELETE FROM org_unit WHERE id = $1`, [unit]).then((code) => (deleted = code));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(deleted).toBe('pending');
    release();
    await writing;
    await deleting;
    expect(deleted).toBe('23503');
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
