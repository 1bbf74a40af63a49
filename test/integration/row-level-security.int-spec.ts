import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { TenantDb } from '../../apps/api/src/platform/database/tenant-db';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

describe('row-level security', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let valmontId: string;
  let belleriveId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    const seeded = await seedDemo(ds);
    valmontId = seeded.organisations.find((o) => o.name === 'CCAS de Valmont')!.id;
    belleriveId = seeded.organisations.find((o) => o.name === 'CCAS de Bellerive')!.id;
  });
  afterAll(async () => {
    await db.drop();
  });

  it('shows the application role only its own organisation, even in raw SQL without a tenant filter', async () => {
    const sut = new TenantDb(ds);
    const seen = await sut.run(valmontId, async (em) => ({
      organisations: (await em.query(`SELECT id FROM organisation`)) as { id: string }[],
      figureOrgs: (await em.query(`SELECT DISTINCT organisation_id FROM figure`)) as { organisation_id: string }[],
      users: (await em.query(`SELECT email FROM app_user`)) as { email: string }[],
      links: Number((await em.query(`SELECT count(*) AS n FROM service_org_unit`))[0].n),
    }));
    expect(seen.organisations.map((o) => o.id)).toEqual([valmontId]);
    expect(seen.figureOrgs.map((o) => o.organisation_id)).toEqual([valmontId]);
    expect(seen.users.every((u) => u.email.endsWith('@valmont.demo'))).toBe(true);
    expect(seen.links).toBe(8);
  });

  it('refuses to write a row for another organisation', async () => {
    const sut = new TenantDb(ds);
    await expect(
      sut.run(valmontId, (em) => em.query(`INSERT INTO metric (organisation_id, code, label, unit) VALUES ($1, 'x', 'x', 'x')`, [belleriveId])),
    ).rejects.toThrow(/row-level security/);
  });

  it('shows nothing when no organisation is set', async () => {
    const rows = await ds.transaction(async (em) => {
      await em.query(`SET LOCAL ROLE levier_app`);
      return em.query(`SELECT count(*)::int AS n FROM figure`);
    });
    expect(rows[0].n).toBe(0);
  });
});
