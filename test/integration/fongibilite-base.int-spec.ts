import { d, Decimal } from '@levier/indicators';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { TenantDb } from '../../apps/api/src/platform/database/tenant-db';
import { ReallocationReadService } from '../../apps/api/src/indicators/reallocation/reallocation-read.service';
import { ReallocationRecomputeService } from '../../apps/api/src/indicators/reallocation/reallocation-recompute.service';
import { ReallocationRepository } from '../../apps/api/src/reallocation/reallocation.repository';
import type { AuthUser } from '../../apps/api/src/tenancy/auth-user';
import { createTestDatabase, TestDatabase } from '../setup/test-database';

/** The base of the fongibilité rate (vectors README § Budget: rate = volume / realExpenditure): the voted budget when recorded, else Σ spend. */
describe('fongibilité rate base', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let valmont: AuthUser;
  let belleriveId: string;
  let recompute: ReallocationRecomputeService;
  let sut: ReallocationReadService;
  /** Inputs read back from the demo: the allowed FONGIBILITE volume (no chapter 012) and Σ spend, per year. */
  const volume = async (year: string): Promise<Decimal> => {
    const [{ total }] = await ds.query(
      `SELECT coalesce(sum(amount), 0)::text AS total FROM budget_transfer
        WHERE organisation_id = $1 AND instrument = 'FONGIBILITE' AND from_chapter <> '012' AND to_chapter <> '012' AND to_char(decision_date, 'YYYY') = $2`,
      [valmont.organisationId, year],
    );
    return d(total);
  };
  const spend = async (year: string): Promise<Decimal> => {
    const [{ total }] = await ds.query(
      `SELECT sum(f.value)::text AS total FROM figure f JOIN metric m ON m.id = f.metric_id WHERE f.organisation_id = $1 AND m.code = 'spend' AND f.period LIKE $2`,
      [valmont.organisationId, `${year}%`],
    );
    return d(total);
  };
  const rate = (numerator: Decimal, denominator: Decimal): string => numerator.div(denominator).toFixed(6);

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    const seeded = await seedDemo(ds);
    const id = seeded.organisations.find((o) => o.name === 'CCAS de Valmont')!.id;
    belleriveId = seeded.organisations.find((o) => o.name === 'CCAS de Bellerive')!.id;
    valmont = { id, email: 'finance@valmont.demo', organisationId: id, roles: [{ role: 'finance', orgUnitId: null }] };
    const tenantDb = new TenantDb(ds);
    const repository = new ReallocationRepository();
    recompute = new ReallocationRecomputeService(tenantDb, repository);
    sut = new ReallocationReadService(tenantDb, repository);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('divides by the year’s Σ spend, said to be a proxy, when no budget is recorded', async () => {
    await recompute.recompute(valmont.organisationId);
    const [v, s] = [await volume('2024'), await spend('2024')];
    expect(v.toFixed(2)).toBe('12000.00'); // FONG-2024-01; FONG-2024-02 touches chapter 012 and is left out
    const res = await sut.read(valmont, { from: '2024' });
    expect(res).toMatchObject({
      source: 'read-model',
      realExpenditure: s.toFixed(2),
      realExpenditureSource: 'spend-proxy',
      realExpenditureProxyYears: ['2024'],
      fongibiliteRate: rate(v, s),
      fongibiliteOverLimit: v.div(s).gt('0.075'),
    });
    expect(res.realExpenditureNote).toMatch(/faute de budget voté pour 2024, base : dépenses des services saisies/);
    // a row stored before budget records existed has no source field: it is read as what it was, the spend proxy
    await ds.query(
      `UPDATE reallocation_value SET payload = payload - 'realExpenditureSource' - 'realExpenditureProxyYears' - 'realExpenditureNote' WHERE organisation_id = $1`,
      [valmont.organisationId],
    );
    expect(await sut.read(valmont, { from: '2024' })).toMatchObject({ realExpenditureSource: 'spend-proxy', realExpenditureProxyYears: ['2024'] });
  });

  it('divides by the voted budget once it is recorded, and flags the limit against it', async () => {
    await ds.query(`INSERT INTO budget_year (organisation_id, year, real_expenditure) VALUES ($1, 2024, '1500000')`, [valmont.organisationId]);
    await recompute.recompute(valmont.organisationId);
    const v = await volume('2024');
    // 12 000 / 1 500 000 = 0.008, under the 0.075 limit
    expect(await sut.read(valmont, { from: '2024' })).toMatchObject({
      realExpenditure: '1500000.00',
      realExpenditureSource: 'budget',
      realExpenditureProxyYears: [],
      fongibiliteRate: rate(v, d('1500000')),
      fongibiliteOverLimit: false,
    });
    await ds.query(`UPDATE budget_year SET real_expenditure = '150000' WHERE organisation_id = $1`, [valmont.organisationId]);
    await recompute.recompute(valmont.organisationId);
    // 12 000 / 150 000 = 0.08 > 0.075
    expect(await sut.read(valmont, { from: '2024' })).toMatchObject({ fongibiliteRate: '0.080000', fongibiliteOverLimit: true });
  });

  it('sums a range year by year: 2023 from its spend, 2024 from its budget', async () => {
    const base = (await spend('2023')).plus('150000');
    const v = (await volume('2023')).plus(await volume('2024'));
    expect(await sut.read(valmont, { from: '2023', to: '2024' })).toMatchObject({
      source: 'live',
      realExpenditure: base.toFixed(2),
      realExpenditureSource: 'mixed',
      realExpenditureProxyYears: ['2023'],
      fongibiliteRate: rate(v, base),
    });
  });

  it('keeps budget records inside their tenant, even in raw SQL (row-level security)', async () => {
    const seen = await new TenantDb(ds).run(belleriveId, (em) => em.query(`SELECT year FROM budget_year`));
    expect(seen).toEqual([]);
  });
});
