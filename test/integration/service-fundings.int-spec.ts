import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { DEFAULT_FUNDING, fundingFor } from '../../apps/api/src/funding/funding-plan';
import { ServiceFundingRepository } from '../../apps/api/src/funding/service-funding.repository';
import { TenantDb } from '../../apps/api/src/platform/database/tenant-db';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

/** What the recompute reads: the funding plans per (service code, year), inside a tenant transaction. */
describe(ServiceFundingRepository.name, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let tenantDb: TenantDb;
  let valmontId: string;
  let belleriveId: string;
  const sut = new ServiceFundingRepository();

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    const seeded = await seedDemo(ds);
    valmontId = seeded.organisations.find((o) => o.name === 'CCAS de Valmont')!.id;
    belleriveId = seeded.organisations.find((o) => o.name === 'CCAS de Bellerive')!.id;
    tenantDb = new TenantDb(ds);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('returns every plan of the organisation by service code, then year', async () => {
    const plans = await tenantDb.run(valmontId, (em) => sut.fundingByServiceYear(em, valmontId));
    expect([...plans.keys()]).toEqual(['AED', 'LOGEMENT_DABORD', 'PORTAGE_REPAS', 'SAAD']);
    expect([...plans.get('SAAD')!.keys()]).toEqual([2023, 2024, 2025, 2026]);
    expect(plans.get('SAAD')!.get(2024)).toEqual({ COMMUNE_CCAS: '0.1', DEPARTEMENT: '0.55', CAISSES_RETRAITE: '0.1', USAGER: '0.25' });
    expect(plans.get('PORTAGE_REPAS')!.get(2023)).toEqual({ COMMUNE_CCAS: '0.4', USAGER: '0.6' });
    expect(plans.get('LOGEMENT_DABORD')!.get(2026)).toEqual({ COMMUNE_CCAS: '0.2', DEPARTEMENT: '0.1', ETAT: '0.6', BAILLEUR_SOCIAL: '0.1' });
  });

  it('leaves out what has no plan: the caller applies the engine default, the commune / CCAS paying all', async () => {
    const plans = await tenantDb.run(valmontId, (em) => sut.fundingByServiceYear(em, valmontId));
    expect(plans.get('SAAD')!.has(2022)).toBe(false);
    expect(fundingFor(plans, 'SAAD', 2022)).toEqual(DEFAULT_FUNDING);
    expect(fundingFor(plans, 'SAAD', 2025)).toEqual({ COMMUNE_CCAS: '0.1', DEPARTEMENT: '0.56', CAISSES_RETRAITE: '0.1', USAGER: '0.24' });
  });

  it('sees one organisation only: Bellerive has no plan, and row-level security hides Valmont’s even if asked by id', async () => {
    expect((await tenantDb.run(belleriveId, (em) => sut.fundingByServiceYear(em, belleriveId))).size).toBe(0);
    expect((await tenantDb.run(belleriveId, (em) => sut.fundingByServiceYear(em, valmontId))).size).toBe(0);
  });

  it('reads a plan written in the same transaction (the recompute sees its own tenant transaction)', async () => {
    const plans = await tenantDb.run(belleriveId, async (em) => {
      const [{ id: serviceId }] = await em.query(`SELECT id FROM service WHERE organisation_id = $1 AND code = 'SAAD'`, [belleriveId]);
      await em.query(`INSERT INTO service_funding (organisation_id, service_id, year, shares) VALUES ($1, $2, 2024, $3)`, [
        belleriveId,
        serviceId,
        JSON.stringify({ DEPARTEMENT: '0.7', USAGER: '0.3' }),
      ]);
      return sut.fundingByServiceYear(em, belleriveId);
    });
    expect(plans).toEqual(new Map([['SAAD', new Map([[2024, { DEPARTEMENT: '0.7', USAGER: '0.3' }]])]]));
  });

  it('refuses a year outside 2000–2100 and a second plan for the same service and year in the database itself', async () => {
    const insert = (year: number) =>
      tenantDb.run(valmontId, async (em) => {
        const [{ id: serviceId }] = await em.query(`SELECT id FROM service WHERE organisation_id = $1 AND code = 'AED'`, [valmontId]);
        await em.query(`INSERT INTO service_funding (organisation_id, service_id, year, shares) VALUES ($1, $2, $3, '{"DEPARTEMENT":"1"}')`, [
          valmontId,
          serviceId,
          year,
        ]);
      });
    await expect(insert(1999)).rejects.toThrow(/CHK_service_funding_year/);
    await expect(insert(2024)).rejects.toThrow(/duplicate key/);
  });
});
