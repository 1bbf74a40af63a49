import { TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { addSmallUnit } from '../factories/small-unit.factory';
import { createScopedUser } from '../factories/scoped-users.factory';
import { RecomputeService } from '../../apps/api/src/indicators/savings/recompute.service';
import { CustomIndicatorRecomputeService } from '../../apps/api/src/indicators/custom/custom-indicator-recompute.service';
import { loginAs } from '../setup/demo-session';
import { createTestApi, TestApi } from '../setup/test-app';
import { startTestWorker } from '../setup/test-worker';

type Auth = { Authorization: string };

interface CustomNumbers {
  numerator: string | null;
  denominator: string | null;
  value: string | null;
  cellsUsed: number;
}

interface AlertLine {
  indicator: string;
  value: string | null;
  status: string;
  masked: boolean;
  message: string;
}

/**
 * Statistical secrecy (docs/product-rules.md#dashboard, docs/product-rules.md#report-emails) on custom indicators: a viewer reads a scope of fewer than 5 beneficiaries as null
 * with `masked: true` (values, preview, alerts), exactly where the savings summary of that scope is masked; a director
 * reads it as it is; a large scope is never masked.
 */
describe('custom indicators under statistical secrecy', () => {
  let api: TestApi;
  let worker: TestingModule;
  let director: Auth;
  let reader: Auth;
  let admin: Auth;
  /** viewer of the organisation, finance of VALMONT-NORD only: may preview formulas, may not read VALMONT-MINI */
  let northFinance: Auth;
  /** viewer of the organisation, director of VALMONT-NORD only */
  let northDirector: Auth;
  const http = () => request(api.app.getHttpServer());
  const SMALL = { orgUnit: 'VALMONT-MINI', from: '2024-11', to: '2024-12' };
  // 2023: before the small unit opened (a scope holding a masked unit masks its custom values, see secrecy-differencing)
  const LARGE = { orgUnit: 'VALMONT', from: '2023', to: '2023' };
  const PREVIEW = { numerator: '#{spend.PORTAGE_REPAS}', denominator: '#{meals}' };

  const customValues = async (who: Auth, scope: object) =>
    (
      await http()
        .get('/api/indicators/custom')
        .query({ ...scope, code: 'COUT_REPAS', granularity: 'month' })
        .set(who)
        .expect(200)
    ).body as { masked: boolean; items: (CustomNumbers & { series: (CustomNumbers & { period: string })[] })[] };

  const preview = async (who: Auth, scope: object) =>
    (
      await http()
        .post('/api/custom-indicators/preview')
        .send({ ...PREVIEW, ...scope })
        .set(who)
        .expect(200)
    ).body as CustomNumbers & { masked: boolean; dependencies: string[] };

  const alertsOf = async (who: Auth) =>
    (await http().get('/api/indicators/alerts').query({ year: '2024', orgUnit: 'VALMONT-MINI' }).set(who).expect(200)).body as {
      alerts: number;
      items: AlertLine[];
    };

  beforeAll(async () => {
    api = await createTestApi();
    const ds = await api.db.dataSource();
    const seeded = await seedDemo(ds);
    const valmontId = seeded.organisations.find((o) => o.name === 'CCAS de Valmont')!.id;
    await addSmallUnit(ds, valmontId);
    worker = await startTestWorker(api.db.url, api.queuePrefix);
    await worker.get(RecomputeService).recompute(valmontId, []);
    admin = await loginAs(api.app, 'admin@valmont.demo');
    director = await loginAs(api.app, 'directeur@valmont.demo');
    reader = await loginAs(api.app, 'lecteur@valmont.demo');
    await createScopedUser(ds, 'CCAS de Valmont', 'directeur-nord@valmont.test', [
      ['viewer', null],
      ['director', 'VALMONT-NORD'],
    ]);
    northDirector = await loginAs(api.app, 'directeur-nord@valmont.test');
    await createScopedUser(ds, 'CCAS de Valmont', 'finance-nord@valmont.test', [
      ['viewer', null],
      ['finance', 'VALMONT-NORD'],
    ]);
    northFinance = await loginAs(api.app, 'finance-nord@valmont.test');
    await http()
      .post('/api/custom-indicators')
      .send({ code: 'COUT_REPAS', label: 'Coût par repas', unit: '€/repas', ...PREVIEW })
      .set(admin)
      .expect(201);
    await worker.get(CustomIndicatorRecomputeService).recompute(valmontId);
    await http()
      .post('/api/indicator-targets')
      .send({ indicator: 'COUT_REPAS', orgUnit: 'VALMONT-MINI', year: 2024, target: '4', alertAbove: '5' })
      .set(director)
      .expect(201);
    await http().post('/api/indicator-targets').send({ indicator: 'cost', orgUnit: 'VALMONT-MINI', year: 2024, alertAbove: '100' }).set(director).expect(201);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('masks the savings summary of the small scope for the viewer only (the scope the custom values must follow)', async () => {
    const asReader = (await http().get('/api/indicators/summary').query(SMALL).set(reader).expect(200)).body;
    const asDirector = (await http().get('/api/indicators/summary').query(SMALL).set(director).expect(200)).body;
    expect(asReader).toMatchObject({ masked: true, cost: null });
    expect(asDirector).toMatchObject({ masked: false, cost: '871.00' });
  });

  it('masks the small scope for a director of another antenna: the unmasking role must cover the scope’s unit', async () => {
    expect((await http().get('/api/indicators/summary').query(SMALL).set(northDirector).expect(200)).body).toMatchObject({ masked: true, cost: null });
    expect((await customValues(northDirector, SMALL)).masked).toBe(true);
    const north = (
      await http().get('/api/indicators/summary').query({ orgUnit: 'VALMONT-NORD', from: '2024-11', to: '2024-12' }).set(northDirector).expect(200)
    ).body;
    expect(north.masked).toBe(false);
  });

  it('gives a viewer null values with masked: true on the small scope, total and series, cell counts kept', async () => {
    const body = await customValues(reader, SMALL);
    expect(body.masked).toBe(true);
    const [item] = body.items;
    expect(item).toMatchObject({ code: 'COUT_REPAS', numerator: null, denominator: null, value: null, cellsUsed: 2 });
    expect(item.series).toEqual([
      expect.objectContaining({ period: '2024-11', numerator: null, denominator: null, value: null, cellsUsed: 1 }),
      expect.objectContaining({ period: '2024-12', numerator: null, denominator: null, value: null, cellsUsed: 1 }),
    ]);
  });

  it('gives a director the small scope unmasked: Σ spend / Σ meals = 871 / 162', async () => {
    const body = await customValues(director, SMALL);
    expect(body.masked).toBe(false);
    // (435.50 + 435.50) / (81 + 81) = 871 / 162 = 5.3765432… → 5.376543
    expect(body.items[0]).toMatchObject({ numerator: '871', denominator: '162', value: '5.376543' });
    expect(body.items[0].series.map((s) => s.value)).toEqual(['5.376543', '5.376543']);
  });

  it('refuses the preview to a viewer and a director (only formula writers preview), masks it for a writer of another antenna', async () => {
    await http()
      .post('/api/custom-indicators/preview')
      .send({ ...PREVIEW, ...SMALL })
      .set(reader)
      .expect(403);
    await http()
      .post('/api/custom-indicators/preview')
      .send({ ...PREVIEW, ...SMALL })
      .set(director)
      .expect(403);
    const masked = await preview(northFinance, SMALL);
    expect(masked).toMatchObject({ masked: true, numerator: null, denominator: null, value: null, cellsUsed: 2 });
    expect(masked.dependencies).toEqual(['spend.PORTAGE_REPAS', 'meals']);
    const open = await preview(admin, SMALL);
    expect(open).toMatchObject({ masked: false, numerator: '871', denominator: '162', value: '5.376543' });
  });

  it('leaves a large scope without any small unit unmasked for a viewer, and the preview agrees with the values', async () => {
    const values = await customValues(reader, LARGE);
    expect(values.masked).toBe(false);
    expect(values.items[0].value).toMatch(/^\d+\.\d{6}$/);
    const open = await preview(admin, LARGE);
    expect(open).toMatchObject({ masked: false, value: values.items[0].value, numerator: values.items[0].numerator });
  });

  it('does not compare a masked value with its thresholds: status missing, no value, no number in the message', async () => {
    const asReader = await alertsOf(reader);
    expect(asReader.alerts).toBe(0);
    for (const line of asReader.items) {
      expect(line).toMatchObject({ value: null, status: 'missing', masked: true });
      expect(line.message).toMatch(/valeur masquée \(secret statistique/);
      expect(line.message).not.toMatch(/\d{2,}/);
    }
    expect(asReader.items.map((l) => l.indicator).sort()).toEqual(['COUT_REPAS', 'cost']);
    const asDirector = await alertsOf(director);
    const byIndicator = Object.fromEntries(asDirector.items.map((l) => [l.indicator, l]));
    expect(asDirector.alerts).toBe(2);
    expect(byIndicator.COUT_REPAS).toMatchObject({ status: 'above', masked: false, value: expect.stringMatching(/^5\.376543/) });
    expect(byIndicator.cost).toMatchObject({ status: 'above', masked: false, value: '871' });
  });
});
