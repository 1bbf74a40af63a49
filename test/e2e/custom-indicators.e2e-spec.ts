import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { JobProducer } from '../../apps/api/src/platform/queue/job-producer';
import { CustomIndicatorRecomputeService } from '../../apps/api/src/indicators/custom/custom-indicator-recompute.service';
import { RecomputeService } from '../../apps/api/src/indicators/savings/recompute.service';
import type { TestApi } from '../setup/test-app';
import { startDemoApi, startDemoWorker } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';

type Auth = { Authorization: string };

describe('custom indicators, targets and alerts', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let valmontId: string;
  let admin: Auth;
  let director: Auth;
  let reader: Auth;
  const http = () => request(api.app.getHttpServer());

  const sumOf = async (metric: string, service: string | null, from: string, to: string): Promise<number> => {
    const ds = await api.db.dataSource();
    const [{ total }] = await ds.query(
      `SELECT coalesce(sum(f.value), 0)::float8 AS total FROM figure f JOIN metric m ON m.id = f.metric_id JOIN service s ON s.id = f.service_id
        WHERE f.organisation_id = $1 AND m.code = $2 AND ($3::text IS NULL OR s.code = $3) AND f.period >= $4 AND f.period <= $5`,
      [valmontId, metric, service, from, to],
    );
    return total as number;
  };

  beforeAll(async () => {
    ({ api, valmontId } = await startDemoApi());
    worker = await startDemoWorker(api);
    await worker.get(RecomputeService).recompute(valmontId, []);
    admin = await loginAs(api.app, 'admin@valmont.demo');
    director = await loginAs(api.app, 'directeur@valmont.demo');
    reader = await loginAs(api.app, 'lecteur@valmont.demo');
  });
  afterAll(async () => {
    await worker?.get(JobProducer).queue('indicators').obliterate({ force: true });
    await worker?.close();
    await api?.close();
  });

  it('rejects an invalid formula with the part, the position and a French reason', async () => {
    const res = await http().post('/api/custom-indicators').send({ code: 'BAD', label: 'x', unit: '€', numerator: '#{spend} / (' }).set(admin).expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors).toEqual([{ field: 'numerator', position: expect.any(Number), message: expect.any(String) }]);
    const unknown = await http()
      .post('/api/custom-indicators')
      .send({ code: 'BAD', label: 'x', unit: '€', numerator: '#{spend}', denominator: '1 + #{repas}' })
      .set(admin)
      .expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'denominator', position: 4, message: expect.stringMatching(/métrique inconnue « repas »/) }]);
    const factor = await http()
      .post('/api/custom-indicators')
      .send({ code: 'BAD', label: 'x', unit: '€', numerator: '#{spend}', factor: '#{meals}' })
      .set(admin)
      .expect(400);
    expect(factor.body.errors[0]).toMatchObject({ field: 'factor', position: 0 });
  });

  it('previews on real figures: Σ numerator / Σ denominator, service-restricted references', async () => {
    const res = await http()
      .post('/api/custom-indicators/preview')
      .send({ numerator: '#{spend.PORTAGE_REPAS}', denominator: '#{meals}', orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' })
      .set(admin)
      .expect(200);
    const spend = await sumOf('spend', 'PORTAGE_REPAS', '2024-01', '2024-12');
    const meals = await sumOf('meals', 'PORTAGE_REPAS', '2024-01', '2024-12');
    expect(Number(res.body.numerator)).toBeCloseTo(spend, 2);
    expect(Number(res.body.denominator)).toBeCloseTo(meals, 2);
    expect(Number(res.body.value)).toBeCloseTo(spend / meals, 5);
    expect(res.body.cellsUsed).toBe(24);
    expect(res.body.dependencies).toEqual(['spend.PORTAGE_REPAS', 'meals']);
  });

  it('saves an indicator, computes it into the read model and serves it per year, like the preview', async () => {
    await http()
      .post('/api/custom-indicators')
      .send({ code: 'COUT_REPAS', label: 'Coût par repas', unit: '€/repas', numerator: '#{spend.PORTAGE_REPAS}', denominator: '#{meals}' })
      .set(reader)
      .expect(403);
    const created = await http()
      .post('/api/custom-indicators')
      .send({ code: 'COUT_REPAS', label: 'Coût par repas', unit: '€/repas', numerator: '#{spend.PORTAGE_REPAS}', denominator: '#{meals}', factor: '1' })
      .set(admin)
      .expect(201);
    expect(created.body).toMatchObject({ code: 'COUT_REPAS', factor: '1' });
    await worker.get(CustomIndicatorRecomputeService).recompute(valmontId);
    const preview = await http()
      .post('/api/custom-indicators/preview')
      .send({ numerator: '#{spend.PORTAGE_REPAS}', denominator: '#{meals}', orgUnit: 'VALMONT-NORD', from: '2024', to: '2024' })
      .set(admin)
      .expect(200);
    const values = await http()
      .get('/api/indicators/custom')
      .query({ orgUnit: 'VALMONT-NORD', from: '2024', to: '2024', code: 'COUT_REPAS', granularity: 'quarter' })
      .set(reader)
      .expect(200);
    const [item] = values.body.items;
    expect(item).toMatchObject({ code: 'COUT_REPAS', value: preview.body.value, numerator: preview.body.numerator, cellsUsed: 12 });
    expect(item.series.map((s: { period: string }) => s.period)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    const root = (await http().get('/api/indicators/custom').query({ orgUnit: 'VALMONT', from: '2024', to: '2024' }).set(reader).expect(200)).body.items[0];
    const south = (await http().get('/api/indicators/custom').query({ orgUnit: 'VALMONT-SUD', from: '2024', to: '2024' }).set(reader).expect(200)).body
      .items[0];
    expect(Number(root.numerator)).toBeCloseTo(Number(item.numerator) + Number(south.numerator), 6);
    expect(Number(root.value)).toBeCloseTo(Number(root.numerator) / Number(root.denominator), 5);
  });

  it('recomputes custom indicators with the figures, through the queue', async () => {
    const ds = await api.db.dataSource();
    await ds.query(
      `UPDATE figure f SET value = value * 2 FROM metric m, service s WHERE m.id = f.metric_id AND s.id = f.service_id AND m.code = 'spend' AND s.code = 'PORTAGE_REPAS' AND f.period = '2024-05'`,
    );
    const read = async () =>
      (await http().get('/api/indicators/custom').query({ from: '2024-05', to: '2024-05', code: 'COUT_REPAS' }).set(admin).expect(200)).body.items[0]
        .numerator as string;
    const before = await read();
    await worker
      .get(JobProducer)
      .enqueue('indicators', 'recompute', { organisationId: valmontId, periods: ['2024-05'] }, { jobId: `recompute-${valmontId}-2024-05-custom-test` });
    let after = before;
    for (let i = 0; i < 50 && after === before; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      after = await read();
    }
    expect(Number(after)).toBeCloseTo(Number(before) * 2, 2);
  });

  it('raises alerts for crossed thresholds of system and custom indicators', async () => {
    const current = (
      await http().get('/api/indicators/custom').query({ orgUnit: 'VALMONT', from: '2024', to: '2024', code: 'COUT_REPAS' }).set(director).expect(200)
    ).body.items[0];
    let summary = (await http().get('/api/indicators/summary').query({ orgUnit: 'VALMONT', from: '2024', to: '2024' }).set(director).expect(200)).body;
    await http()
      .post('/api/indicator-targets')
      .send({ indicator: 'COUT_REPAS', orgUnit: 'VALMONT', year: 2024, target: '5', alertAbove: String(Math.floor(Number(current.value)) - 1) })
      .set(director)
      .expect(201);
    await http()
      .post('/api/indicator-targets')
      .send({ indicator: 'offsetRatio', orgUnit: 'VALMONT', year: 2024, alertBelow: '0', alertAbove: '1000' })
      .set(director)
      .expect(201);
    await http().post('/api/indicator-targets').send({ indicator: 'NOPE', orgUnit: 'VALMONT', year: 2024 }).set(director).expect(422);
    await http().post('/api/indicator-targets').send({ indicator: 'offsetRatio', orgUnit: 'VALMONT', year: 2024, alertBelow: '1' }).set(director).expect(409);
    // The previous test's recompute of 2024-05 commits its savings, then its custom indicators; the API's cache of the
    // summary is dropped by the NOTIFY of that commit, which may arrive after the custom values are visible. So both
    // reads are taken again until they come from the same state of the read model (at most 5 s), then compared.
    type AlertItem = { indicator: string; status: string; value: string; message: string };
    const readAlerts = async () => {
      const res = await http().get('/api/indicators/alerts').query({ year: '2024' }).set(director).expect(200);
      return {
        body: res.body as { alerts: number; items: AlertItem[] },
        byIndicator: Object.fromEntries((res.body.items as AlertItem[]).map((i) => [i.indicator, i])),
      };
    };
    let { body, byIndicator } = await readAlerts();
    for (let i = 0; i < 50 && byIndicator.offsetRatio?.value !== summary.offsetRatio; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      summary = (await http().get('/api/indicators/summary').query({ orgUnit: 'VALMONT', from: '2024', to: '2024' }).set(director).expect(200)).body;
      ({ body, byIndicator } = await readAlerts());
    }
    expect(body.alerts).toBe(1);
    expect(byIndicator.COUT_REPAS).toMatchObject({ status: 'above', kind: 'custom', value: expect.any(String) });
    expect(byIndicator.offsetRatio).toMatchObject({ status: 'ok', kind: 'system', value: summary.offsetRatio });
    // words, not codes: the indicator's label and the unit's name, the value in French
    expect(byIndicator.COUT_REPAS).toMatchObject({ indicatorLabel: 'Coût par repas', orgUnitName: 'CCAS de Valmont' });
    expect(byIndicator.COUT_REPAS.message).toMatch(/^Coût par repas \(CCAS de Valmont\) vaut -?\d[\d\u00a0]*(,\d+)?, au-dessus du seuil d’alerte /);
    expect(byIndicator.offsetRatio.message).toMatch(/^Coûts évités pour 1 € investi \(CCAS de Valmont\) vaut /);
    expect(`${byIndicator.COUT_REPAS.message} ${byIndicator.offsetRatio.message}`).not.toMatch(/COUT_REPAS|offsetRatio|VALMONT\b/);
    const list = await http().get('/api/indicator-targets').set(reader).expect(200);
    expect(list.headers['content-range']).toBe('indicator-targets 0-1/2');
  });

  it('hides another tenant’s indicator behind 404', async () => {
    const [indicator] = (await http().get('/api/custom-indicators').set(admin).expect(200)).body as { id: string }[];
    const bellerive = await loginAs(api.app, 'directeur@bellerive.demo');
    await http().get(`/api/custom-indicators/${indicator.id}`).set(bellerive).expect(404);
    const theirs = await http().get('/api/indicators/custom').set(bellerive).expect(200);
    expect(theirs.body.items).toEqual([]);
  });
});
