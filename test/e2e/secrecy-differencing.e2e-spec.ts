import { TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { RecomputeService } from '../../apps/api/src/indicators/savings/recompute.service';
import { CustomIndicatorRecomputeService } from '../../apps/api/src/indicators/custom/custom-indicator-recompute.service';
import { addSmallUnit } from '../factories/small-unit.factory';
import { createScopedUser } from '../factories/scoped-users.factory';
import { loginAs } from '../setup/demo-session';
import { createTestApi, TestApi } from '../setup/test-app';
import { startTestWorker } from '../setup/test-worker';

type Auth = { Authorization: string };
interface Summary {
  masked: boolean;
  cost: string | null;
  grossSavings: string | null;
}

/** Exact difference of decimal strings with two decimals (no float): a − Σ others. */
const minus = (a: string, ...others: string[]): string => {
  const cents = (x: string): bigint => BigInt(x.replace('.', ''));
  const total = others.reduce((acc, x) => acc - cents(x), cents(a));
  const sign = total < 0n ? '-' : '';
  const abs = (total < 0n ? -total : total).toString().padStart(3, '0');
  return `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`;
};

/**
 * Statistical secrecy against differencing (issue 15, finding 3). VALMONT ─┬─ NORD, SUD (large antennas) and MINI: 40
 * beneficiaries a month from January to October 2024, 3 in November and December (under the threshold of 5).
 * Before complementary suppression a viewer read MINI masked, but VALMONT − NORD − SUD gave its exact cost, MINI's
 * year minus January–October gave its two small months, and the formula preview evaluated
 * `if(#{beneficiaries} < 5, …)` on single cells.
 */
describe('statistical secrecy against differencing', () => {
  let api: TestApi;
  let worker: TestingModule;
  let director: Auth;
  let reader: Auth;
  let admin: Auth;
  /** viewer of the organisation, director of VALMONT-NORD only */
  let northDirector: Auth;
  /** viewer of the organisation, finance of VALMONT-NORD only: may preview formulas, may not read MINI */
  let northFinance: Auth;
  const http = () => request(api.app.getHttpServer());
  const SMALL_MONTHS = { from: '2024-11', to: '2024-12' };
  const CHILDREN = ['VALMONT-NORD', 'VALMONT-SUD', 'VALMONT-MINI'];

  const summary = async (who: Auth, query: object): Promise<Summary> =>
    (await http().get('/api/indicators/summary').query(query).set(who).expect(200)).body as Summary;

  beforeAll(async () => {
    api = await createTestApi();
    const ds = await api.db.dataSource();
    const seeded = await seedDemo(ds);
    const valmontId = seeded.organisations.find((o) => o.name === 'CCAS de Valmont')!.id;
    const busy = Array.from({ length: 10 }, (_, m) => `2024-${String(m + 1).padStart(2, '0')}`);
    await addSmallUnit(ds, valmontId, 'VALMONT-MINI', busy);
    worker = await startTestWorker(api.db.url, api.queuePrefix);
    await worker.get(RecomputeService).recompute(valmontId, []);
    admin = await loginAs(api.app, 'admin@valmont.demo');
    director = await loginAs(api.app, 'directeur@valmont.demo');
    reader = await loginAs(api.app, 'lecteur@valmont.demo');
    await createScopedUser(ds, 'CCAS de Valmont', 'directeur-nord@valmont.test', [
      ['viewer', null],
      ['director', 'VALMONT-NORD'],
    ]);
    await createScopedUser(ds, 'CCAS de Valmont', 'finance-nord@valmont.test', [
      ['viewer', null],
      ['finance', 'VALMONT-NORD'],
    ]);
    northDirector = await loginAs(api.app, 'directeur-nord@valmont.test');
    northFinance = await loginAs(api.app, 'finance-nord@valmont.test');
    await http()
      .post('/api/custom-indicators')
      .send({ code: 'COUT_REPAS', label: 'Coût par repas', unit: '€/repas', numerator: '#{spend.PORTAGE_REPAS}', denominator: '#{meals}' })
      .set(admin)
      .expect(201);
    await worker.get(CustomIndicatorRecomputeService).recompute(valmontId);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('the attack is real: with the rights to read everything, VALMONT − NORD − SUD gives MINI’s cost exactly', async () => {
    const parent = await summary(director, { orgUnit: 'VALMONT', ...SMALL_MONTHS });
    const [north, south, mini] = await Promise.all(CHILDREN.map((orgUnit) => summary(director, { orgUnit, ...SMALL_MONTHS })));
    // 2 months × 435.50 €
    expect(mini.cost).toBe('871.00');
    expect(minus(parent.cost!, north.cost!, south.cost!)).toBe(mini.cost);
  });

  it('a viewer reads the parent, but no child of it over the small months: parent − readable children never isolates MINI', async () => {
    const parent = await summary(reader, { orgUnit: 'VALMONT', ...SMALL_MONTHS });
    expect(parent).toMatchObject({ masked: false, cost: expect.stringMatching(/^\d+\.\d{2}$/) });
    const children = await Promise.all(CHILDREN.map((orgUnit) => summary(reader, { orgUnit, ...SMALL_MONTHS })));
    expect(children.map((c) => [c.masked, c.cost, c.grossSavings])).toEqual([
      [true, null, null],
      [true, null, null],
      [true, null, null],
    ]);
  });

  it('masks the siblings whatever the services asked for and in the per-service series (all services − the others)', async () => {
    for (const service of ['PORTAGE_REPAS', 'SAAD', 'AED']) {
      expect(await summary(reader, { orgUnit: 'VALMONT-NORD', service, ...SMALL_MONTHS })).toMatchObject({ masked: true, cost: null });
    }
    const series = await http()
      .get('/api/indicators/series')
      .query({ orgUnit: 'VALMONT-SUD', groupBy: 'service', ...SMALL_MONTHS })
      .set(reader)
      .expect(200);
    expect(series.body.masked).toBe(true);
    expect(series.body.items.map((i: { cost: string | null }) => i.cost)).toEqual(series.body.items.map(() => null));
  });

  it('over time: MINI’s year holds two small months, so the year is masked and year − (January–October) reveals nothing', async () => {
    const asDirector = await summary(director, { orgUnit: 'VALMONT-MINI', from: '2024', to: '2024' });
    const firstTen = await summary(reader, { orgUnit: 'VALMONT-MINI', from: '2024-01', to: '2024-10' });
    // the attack with full rights: year − January–October = November–December
    const tenAsDirector = await summary(director, { orgUnit: 'VALMONT-MINI', from: '2024-01', to: '2024-10' });
    expect(minus(asDirector.cost!, tenAsDirector.cost!)).toBe('871.00');
    // a viewer: January–October (40 a month) readable, the year not
    expect(firstTen).toMatchObject({ masked: false, cost: tenAsDirector.cost });
    expect(await summary(reader, { orgUnit: 'VALMONT-MINI', from: '2024', to: '2024' })).toMatchObject({ masked: true, cost: null });
    expect(await summary(reader, { orgUnit: 'VALMONT-MINI', from: '2024-10', to: '2024-11' })).toMatchObject({ masked: true, cost: null });
    // and the siblings are masked over every range holding a small month, readable elsewhere
    expect(await summary(reader, { orgUnit: 'VALMONT-SUD', from: '2024', to: '2024' })).toMatchObject({ masked: true, cost: null });
    expect(await summary(reader, { orgUnit: 'VALMONT-SUD', from: '2024-01', to: '2024-10' })).toMatchObject({ masked: false });
  });

  it('a director of NORD reads NORD, but then SUD stays masked so that VALMONT − NORD gives only SUD + MINI', async () => {
    const north = await summary(northDirector, { orgUnit: 'VALMONT-NORD', ...SMALL_MONTHS });
    expect(north.masked).toBe(false);
    expect(await summary(northDirector, { orgUnit: 'VALMONT-SUD', ...SMALL_MONTHS })).toMatchObject({ masked: true, cost: null });
    expect(await summary(northDirector, { orgUnit: 'VALMONT-MINI', ...SMALL_MONTHS })).toMatchObject({ masked: true, cost: null });
  });

  it('keeps the explanation and the scenario download of a masked scope free of its figures', async () => {
    const explain = await http()
      .get('/api/indicators/explain')
      .query({ orgUnit: 'VALMONT-MINI', ...SMALL_MONTHS, indicator: 'cost' })
      .set(reader)
      .expect(200);
    expect(explain.body).toMatchObject({ masked: true, inputs: [], values: { current: null, reported: null } });
    const open = await http()
      .get('/api/indicators/explain')
      .query({ orgUnit: 'VALMONT-MINI', ...SMALL_MONTHS, indicator: 'cost' })
      .set(director)
      .expect(200);
    expect(open.body).toMatchObject({ masked: false, values: { current: '871.00' } });
    const download = await http()
      .get('/api/indicators/scenario')
      .query({ orgUnit: 'VALMONT-MINI', ...SMALL_MONTHS })
      .set(reader)
      .expect(403);
    expect(download.headers['content-type']).toMatch(/problem\+json/);
    expect(download.body.detail).toMatch(/secret statistique/);
  });

  describe('formula preview', () => {
    const PICK_SMALL = { numerator: 'if(#{beneficiaries} < 5, #{beneficiaries}, 0)', orgUnit: 'VALMONT', ...SMALL_MONTHS };

    it('the attack is real: on the large parent, a formula picks out MINI’s single cells (3 + 3)', async () => {
      const res = await http().post('/api/custom-indicators/preview').send(PICK_SMALL).set(admin).expect(200);
      expect(res.body).toMatchObject({ masked: false, numerator: '6' });
    });

    it('refuses the preview to the roles that do not write formulas (viewer, director), in French', async () => {
      for (const who of [reader, director]) {
        const res = await http().post('/api/custom-indicators/preview').send(PICK_SMALL).set(who).expect(403);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        expect(res.body.detail).toBe('Action réservée aux directions financières et aux administrateurs de la méthodologie.');
      }
    });

    it('masks the preview for a writer who may not read every unit under the scope (finance of NORD on VALMONT)', async () => {
      const res = await http().post('/api/custom-indicators/preview').send(PICK_SMALL).set(northFinance).expect(200);
      expect(res.body).toMatchObject({ masked: true, numerator: null, denominator: null, value: null });
      const own = await http()
        .post('/api/custom-indicators/preview')
        .send({ ...PICK_SMALL, orgUnit: 'VALMONT-NORD' })
        .set(northFinance)
        .expect(200);
      expect(own.body).toMatchObject({ masked: false, numerator: '0' });
    });

    it('masks saved custom indicators for a viewer on a scope holding a masked unit, not on one without', async () => {
      const values = (query: object) =>
        http()
          .get('/api/indicators/custom')
          .query({ code: 'COUT_REPAS', ...query })
          .set(reader)
          .expect(200);
      expect((await values({ orgUnit: 'VALMONT', ...SMALL_MONTHS })).body).toMatchObject({ masked: true, items: [{ value: null }] });
      const clean = (await values({ orgUnit: 'VALMONT', from: '2023', to: '2023' })).body;
      expect(clean).toMatchObject({ masked: false, items: [{ value: expect.stringMatching(/^\d+\.\d{6}$/) }] });
    });
  });
});
