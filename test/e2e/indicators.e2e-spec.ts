import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { computeScenario, parseScenario } from '@levier/indicators';
import { RecomputeService } from '../../apps/api/src/indicators/savings/recompute.service';
import { JobProducer } from '../../apps/api/src/platform/queue/job-producer';
import type { TestApi } from '../setup/test-app';
import { startDemoApi, startDemoWorker } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';

describe('indicators read model', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let valmontId: string;
  let director: { Authorization: string };
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    ({ api, valmontId } = await startDemoApi());
    worker = await startDemoWorker(api);
    await worker.get(RecomputeService).recompute(valmontId, []);
    director = await loginAs(api.app, 'directeur@valmont.demo');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('gives the summary that `levier compute` gives for the exported scenario', async () => {
    const query = { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' };
    const summary = await http().get('/api/indicators/summary').query(query).set(director).expect(200);
    const exported = await http().get('/api/indicators/scenario').query(query).set(director).expect(200);
    const parsed = parseScenario(exported.body);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const computed = computeScenario(parsed.scenario);
    expect(summary.body).toMatchObject(computed.totals);
    expect(summary.body.ranges).toEqual(computed.ranges);
    expect(Number(summary.body.grossSavings)).toBeGreaterThan(0);
    // the demo's method 2 (conventions 2, in force from 2024) is the current method
    expect(summary.body.methodologyVersion).toMatchObject({ version: 2 });
    expect(summary.body.computedAt).toEqual(expect.any(String));
  });

  it('aggregates up the tree as sums of the leaves, with ratios of sums', async () => {
    const get = async (orgUnit: string) =>
      (await http().get('/api/indicators/summary').query({ orgUnit, from: '2023-01', to: '2024-12' }).set(director).expect(200)).body;
    const [root, north, south] = await Promise.all([get('VALMONT'), get('VALMONT-NORD'), get('VALMONT-SUD')]);
    for (const key of ['grossSavings', 'cost', 'netSavings', 'cashable'] as const) {
      expect(Math.abs(Number(root[key]) - Number(north[key]) - Number(south[key]))).toBeLessThanOrEqual(0.011);
    }
    expect(Number(root.offsetRatio)).toBeCloseTo(Number(root.grossSavings) / Number(root.cost), 5);
    const averaged = (Number(north.offsetRatio) + Number(south.offsetRatio)) / 2;
    expect(Number(root.offsetRatio)).not.toBeCloseTo(averaged, 6);
  });

  it('serves series by period, service and payer', async () => {
    const byPeriod = await http()
      .get('/api/indicators/series')
      .query({ orgUnit: 'VALMONT', from: '2024-01', to: '2024-12', groupBy: 'period' })
      .set(director)
      .expect(200);
    expect(byPeriod.body.granularity).toBe('quarter');
    expect(byPeriod.body.items.map((i: { key: string }) => i.key)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    const byService = await http().get('/api/indicators/series').query({ orgUnit: 'VALMONT', groupBy: 'service' }).set(director).expect(200);
    expect(byService.body.items.map((i: { key: string }) => i.key).sort()).toEqual(['AED', 'LOGEMENT_DABORD', 'PORTAGE_REPAS', 'SAAD']);
    const byPayer = await http().get('/api/indicators/series').query({ orgUnit: 'VALMONT', groupBy: 'payer' }).set(director).expect(200);
    expect(byPayer.body.items.map((i: { key: string }) => i.key)).toEqual(expect.arrayContaining(['ASSURANCE_MALADIE', 'DEPARTEMENT']));
  });

  it('explains a number: formula, inputs, assumptions with justification, unit costs with sources', async () => {
    const res = await http()
      .get('/api/indicators/explain')
      .query({ orgUnit: 'VALMONT', from: '2024-01', to: '2024-03', indicator: 'offsetRatio' })
      .set(director)
      .expect(200);
    expect(res.body.formula).toMatch(/coûts évités \(bruts\) \/ coût des services/);
    expect(res.body.inputs.length).toBeGreaterThan(0);
    expect(res.body.assumptions[0]).toEqual(expect.objectContaining({ justification: expect.any(String) }));
    expect(res.body.unitCosts.find((u: { code: string }) => u.code === 'JOURNEE_EHPAD')).toMatchObject({ priceYear: 2013, source: { publisher: 'ATIH' } });
    expect(res.body.methodology.version).toBe(2);
  });

  it('recomputes after a figure changes, through the queue', async () => {
    const query = { orgUnit: 'VALMONT-NORD', from: '2024-03', to: '2024-03' };
    const before = (await http().get('/api/indicators/summary').query(query).set(director).expect(200)).body;
    const ds = await api.db.dataSource();
    await ds.query(
      `UPDATE figure f SET value = value * 2, updated_at = now() FROM metric m, service s, org_unit u
        WHERE m.id = f.metric_id AND s.id = f.service_id AND u.id = f.org_unit_id AND m.code = 'person_months' AND s.code = 'SAAD' AND u.code = 'VALMONT-NORD' AND f.period = '2024-03'`,
    );
    await worker
      .get(JobProducer)
      .enqueue('indicators', 'recompute', { organisationId: valmontId, periods: ['2024-03'] }, { jobId: `recompute-${valmontId}-2024-03-test` });
    let after = before;
    for (let i = 0; i < 50 && after.grossSavings === before.grossSavings; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      after = (await http().get('/api/indicators/summary').query(query).set(director).expect(200)).body;
    }
    expect(Number(after.grossSavings)).toBeGreaterThan(Number(before.grossSavings));
    expect(after.cost).toBe(before.cost);
  });

  it('keeps "as reported" for an approved period when the method changes, and moves "current"', async () => {
    const ds = await api.db.dataSource();
    const [{ id: unitId }] = await ds.query(`SELECT id FROM org_unit WHERE code = 'VALMONT-SUD'`);
    await ds.query(`INSERT INTO period_status (organisation_id, org_unit_id, period, status) VALUES ($1, $2, '2024-02', 'approved')`, [valmontId, unitId]);
    const recompute = worker.get(RecomputeService);
    await recompute.recompute(valmontId, ['2024-02']);
    const query = { orgUnit: 'VALMONT-SUD', from: '2024-02', to: '2024-02' };
    const reportedBefore = (
      await http()
        .get('/api/indicators/summary')
        .query({ ...query, basis: 'reported' })
        .set(director)
        .expect(200)
    ).body;
    await ds.query(
      `INSERT INTO methodology_version (organisation_id, version, label, effective_from, parameters, snapshot) VALUES ($1, 3, 'Taux 4,5 %', '2025-01-01', $2, '{}')`,
      [valmontId, JSON.stringify({ conventions: 2, baseYear: 2024, discountRate: '0.045', discountConvention: 1 })],
    );
    await recompute.recompute(valmontId, []);
    const reportedAfter = (
      await http()
        .get('/api/indicators/summary')
        .query({ ...query, basis: 'reported' })
        .set(director)
        .expect(200)
    ).body;
    const currentAfter = (await http().get('/api/indicators/summary').query(query).set(director).expect(200)).body;
    expect(reportedAfter.grossSavings).toBe(reportedBefore.grossSavings);
    expect(currentAfter.grossSavings).not.toBe(reportedBefore.grossSavings);
    expect(currentAfter.methodologyVersion.version).toBe(3);
    const explained = (
      await http()
        .get('/api/indicators/explain')
        .query({ ...query, indicator: 'grossSavings' })
        .set(director)
        .expect(200)
    ).body;
    expect(explained.values.differs).toBe(true);
  });

  it('answers 404 for another tenant’s unit and 400 for a bad period', async () => {
    await http().get('/api/indicators/summary').query({ orgUnit: 'BELLERIVE' }).set(director).expect(404);
    const res = await http().get('/api/indicators/summary').query({ orgUnit: 'VALMONT', from: '2024-13' }).set(director).expect(400);
    expect(res.body.errors[0]).toMatch(/AAAA-MM/);
  });
});
