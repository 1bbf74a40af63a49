import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { computeScenario, d, isConventions2Output, parseScenario } from '@levier/indicators';
import { RecomputeService } from '../../apps/api/src/indicators/savings/recompute.service';
import type { TestApi } from '../setup/test-app';
import { startDemoApi, startDemoWorker } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';
import { addSmallUnit } from '../factories/small-unit.factory';

type Assumption = { id: string; service: string; code: string; params: Record<string, unknown> };

/**
 * Méthode 2 through the API: an admin moves the method to conventions 2 (the engine refuses persistence on a
 * counterfactual outcome, so the assumptions are fixed first), a funding plan is recorded, and the dashboard's
 * summary, payer series and explanation carry public money, the funders' ledger, events by kind and the sensitivity,
 * exactly as `levier compute` gives them for the exported scenario.
 */
describe('indicators under conventions 2 (Méthode 2)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let valmontId: string;
  let admin: { Authorization: string };
  let director: { Authorization: string };
  const http = () => request(api.app.getHttpServer());
  const query = { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' };

  beforeAll(async () => {
    ({ api, valmontId } = await startDemoApi());
    worker = await startDemoWorker(api);
    admin = await loginAs(api.app, 'admin@valmont.demo');
    director = await loginAs(api.app, 'directeur@valmont.demo');

    const publish = (label: string, effectiveFrom: string) =>
      http()
        .post('/api/methodology-versions')
        .set(admin)
        .send({ label, effectiveFrom, parameters: { baseYear: 2024, discountRate: '0.032', discountConvention: 0, conventions: 2 } });
    const assumptions = (await http().get('/api/outcome-assumptions').query({ range: '[0,99]' }).set(admin).expect(200)).body as Assumption[];
    const persistent = assumptions.filter(
      (a) => a.params.mode === 'counterfactual' && (Number(a.params.durationYears ?? 1) > 1 || a.params.dropOff !== undefined),
    );
    if (persistent.length > 0) {
      // a counterfactual outcome that lasts several years is refused under conventions 2, with where and why
      const refused = await publish('Méthode 2 (refusée)', '2025-01-01').expect(422);
      expect(JSON.stringify(refused.body)).toMatch(/durationYears/);
    }
    for (const a of persistent) {
      const { dropOff: _dropOff, ...rest } = a.params;
      const params = { ...rest, durationYears: 1 };
      await http().put(`/api/outcome-assumptions/${a.id}`).set(admin).send({ params }).expect(200);
    }
    const saad = assumptions.find((a) => a.service === 'SAAD' && a.params.mode === 'counterfactual')!;
    const substitute = (expected: number) =>
      http()
        .put(`/api/outcome-assumptions/${saad.id}`)
        .set(admin)
        .send({
          params: {
            ...saad.params,
            durationYears: 1,
            dropOff: undefined,
            substitutionCost: [
              { code: 'JOURNEE_APA_DOMICILE', share: '0.5' },
              { code: 'JOURNEE_SSIAD', share: '0.5' },
            ],
          },
        })
        .expect(expected);
    const inForce = (await http().get('/api/indicators/summary').query(query).set(director).expect(200)).body.methodologyVersion;
    // a method of conventions 1 knows no substitution cost: refused rather than silently ignored
    if (inForce?.conventions !== 2) expect(JSON.stringify((await substitute(422)).body)).toMatch(/substitutionCost/);
    await publish('Méthode 2', '2025-01-01').expect(201);
    await substitute(200);
    // published today, effective in 2099: not the method in force, whatever its number
    await publish('Méthode future', '2099-01-01').expect(201);
    await http()
      .post('/api/service-fundings')
      .set(admin)
      .send({ service: 'PORTAGE_REPAS', year: 2024, shares: { USAGER: '0.6', COMMUNE_CCAS: '0.3', CAISSES_RETRAITE: '0.1' } })
      .expect((res) => expect([201, 409]).toContain(res.status));
    await addSmallUnit(await api.db.dataSource(), valmontId);
    await worker.get(RecomputeService).recompute(valmontId, []);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('gives public money, the funders’ ledger, events by kind and the sensitivity that `levier compute` gives for the exported scenario', async () => {
    const summary = (await http().get('/api/indicators/summary').query(query).set(director).expect(200)).body;
    const exported = (await http().get('/api/indicators/scenario').query(query).set(director).expect(200)).body;
    expect(exported.methodology.conventions).toBe(2);
    expect(exported.services.find((s: { code: string }) => s.code.startsWith('PORTAGE_REPAS')).funding).toMatchObject({ USAGER: '0.6' });
    const parsed = parseScenario(exported);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const computed = computeScenario(parsed.scenario);
    expect(isConventions2Output(computed)).toBe(true);
    expect(summary.conventions).toBe(2);
    expect(summary).toMatchObject(computed.totals);
    expect(summary.ranges).toMatchObject(computed.ranges!);
    expect(
      summary.sensitivity.map(({ label: _label, values: _values, source: _source, narrowing: _narrowing, ...entry }: Record<string, unknown>) => entry),
    ).toEqual('sensitivity' in computed ? computed.sensitivity : null);
    expect(summary.sensitivity[0].label).toMatch(/ — | : /);
    // the tornado's data: the assumption's own low / high, the screen where it is edited, the evaluation that would narrow it
    const top = summary.sensitivity[0];
    expect(top.values).toEqual({ low: expect.any(String), central: expect.any(String), high: expect.any(String) });
    // central between low and high, in either order (a substitution cost's low may be the larger amount)
    const [low, central, high] = [top.values.low, top.values.central, top.values.high].map(Number);
    expect((central - low) * (high - central)).toBeGreaterThanOrEqual(0);
    expect(top.narrowing).toMatch(/^Un.* resserrerait cette fourchette\.$/);
    expect(['unit-costs', 'outcome-assumptions']).toContain(top.source.resource);
    const edited = (await http().get(`/api/${top.source.resource}/${top.source.id}`).set(director).expect(200)).body;
    expect(top.parameter).toContain(edited.code);
    // the ledger drilled down by service (the dashboard's payer detail): each service's own ledger, adding up to the payer's line
    const byService = (
      await http()
        .get('/api/indicators/series')
        .query({ ...query, groupBy: 'service' })
        .set(director)
        .expect(200)
    ).body.items as {
      ledger: Record<string, { avoided: string; cost: string; net: string }>;
    }[];
    for (const [payer, line] of Object.entries(summary.ledger as Record<string, { net: string }>)) {
      const nets = byService.map((item) => item.ledger?.[payer]?.net).filter((net): net is string => net !== undefined);
      expect(nets.length).toBeGreaterThan(0);
      // each service's net is rounded to the cent: their sum is the payer's net within half a cent per service
      const gap = nets
        .reduce((sum, net) => sum.plus(net), d('0'))
        .minus(line.net)
        .abs();
      expect(gap.lte(d('0.005').times(nets.length))).toBe(true);
    }
    // households apart: public savings exclude what households would have paid; public cost excludes their contributions
    expect(Number(summary.publicSavings)).toBeCloseTo(Number(summary.grossSavings) - Number(summary.byPayer.USAGER ?? 0), 2);
    expect(Number(summary.publicCost)).toBeCloseTo(Number(summary.cost) - Number(summary.costByPayer.USAGER ?? 0), 2);
    // unlike events are not added: one count per kind, with its label
    expect(Object.keys(summary.eventsByOutcome).length).toBeGreaterThan(1);
    expect(summary.eventsNet).toBeNull();
    expect(summary.costPerEventAvoided).toBeNull();
    for (const code of Object.keys(summary.eventsByOutcome)) expect(summary.outcomeLabels[code]).toEqual(expect.any(String));
    expect(summary.methodologyVersion).toMatchObject({ label: 'Méthode 2', effectiveFrom: '2025-01-01', conventions: 2 });
  });

  it('serves the ledger per payer in the payer series: avoided, borne and net, a payer that loses shown with its negative net', async () => {
    const summary = (await http().get('/api/indicators/summary').query(query).set(director).expect(200)).body;
    const series = (
      await http()
        .get('/api/indicators/series')
        .query({ ...query, groupBy: 'payer' })
        .set(director)
        .expect(200)
    ).body;
    expect(series.conventions).toBe(2);
    const items = series.items as { key: string; amount: string; cost: string; net: string }[];
    expect(items.map((i) => i.key).sort()).toEqual(Object.keys(summary.ledger).sort());
    for (const item of items) {
      expect({ avoided: item.amount, cost: item.cost, net: item.net }).toEqual(summary.ledger[item.key]);
    }
    expect(items.find((i) => i.key === 'COMMUNE_CCAS')!.net.startsWith('-')).toBe(true);
  });

  it('explains a figure with the conventions, the funding plans and the substitution costs used', async () => {
    const res = (
      await http()
        .get('/api/indicators/explain')
        .query({ ...query, indicator: 'grossSavings' })
        .set(director)
        .expect(200)
    ).body;
    expect(res.conventions).toBe(2);
    const plans = (
      await http()
        .get('/api/service-fundings')
        .query({ filter: JSON.stringify({ year: 2024 }) })
        .set(director)
        .expect(200)
    ).body as {
      service: string;
      shares: Record<string, string>;
    }[];
    const meals = plans.find((p) => p.service === 'PORTAGE_REPAS')!;
    expect(res.funding).toEqual(expect.arrayContaining([{ service: 'PORTAGE_REPAS', year: 2024, shares: meals.shares }]));
    // a service without a plan for a year: all to the commune / CCAS, said as such
    expect(res.funding.every((f: { shares: Record<string, string> }) => Object.keys(f.shares).length > 0)).toBe(true);
    const saad = res.assumptions.find((a: { service: string; parameters: { mode: string } }) => a.service === 'SAAD' && a.parameters.mode === 'counterfactual');
    expect(saad.substitutionCost).toEqual([
      { code: 'JOURNEE_APA_DOMICILE', share: '0.5' },
      { code: 'JOURNEE_SSIAD', share: '0.5' },
    ]);
    expect(res.unitCosts.map((u: { code: string }) => u.code)).toEqual(expect.arrayContaining(['JOURNEE_APA_DOMICILE', 'JOURNEE_SSIAD']));
  });

  it('masks the conventions-2 figures for a viewer on a scope under 5 beneficiaries, and gives no sensitivity there', async () => {
    const viewer = await loginAs(api.app, 'lecteur@valmont.demo');
    const res = (await http().get('/api/indicators/summary').query({ orgUnit: 'VALMONT-MINI', from: '2024-11', to: '2024-12' }).set(viewer).expect(200)).body;
    expect(res.masked).toBe(true);
    expect(res).toMatchObject({
      publicSavings: null,
      publicCost: null,
      publicNetSavings: null,
      publicOffsetRatio: null,
      ledger: {},
      costByPayer: {},
      eventsByOutcome: {},
    });
    expect(res.sensitivity).toBeUndefined();
  });
});
