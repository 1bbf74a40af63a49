import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { JobProducer } from '../../apps/api/src/platform/queue/job-producer';
import { RECOMPUTE_JOBS } from '../../apps/api/src/platform/queue/job-map';
import { createTestApi, TestApi } from '../setup/test-app';
import { loginAs } from '../setup/demo-session';

type Auth = { Authorization: string };

describe('methodology resources', () => {
  let api: TestApi;
  let valmontId: string;
  let admin: Auth;
  let reader: Auth;
  let bellerive: Auth;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await createTestApi();
    const seeded = await seedDemo(await api.db.dataSource());
    valmontId = seeded.organisations.find((o) => o.name === 'CCAS de Valmont')!.id;
    admin = await loginAs(api.app, 'admin@valmont.demo');
    reader = await loginAs(api.app, 'lecteur@valmont.demo');
    bellerive = await loginAs(api.app, 'directeur@bellerive.demo');
  });
  afterAll(async () => {
    await api?.app.get(JobProducer).queue('indicators').obliterate({ force: true });
    await api?.close();
  });

  it('lists unit costs with ra-data-simple-rest conventions, for every member', async () => {
    const res = await http()
      .get('/api/unit-costs')
      .query({ sort: JSON.stringify(['amount', 'DESC']), range: JSON.stringify([0, 2]), filter: JSON.stringify({}) })
      .set(reader)
      .expect(200);
    // the 16 reference entries and the demo's day at home with APA and SSIAD (method 2's substitution cost)
    expect(res.headers['content-range']).toMatch(/^unit-costs 0-2\/17$/);
    expect(res.body).toHaveLength(3);
    expect(res.body[0]).toMatchObject({ code: 'PLACE_SSIAD', amount: '10500', priceYear: 2010 });
    const one = await http()
      .get('/api/unit-costs')
      .query({ filter: JSON.stringify({ code: 'JOURNEE_EHPAD' }) })
      .set(reader)
      .expect(200);
    expect(one.body).toEqual([expect.objectContaining({ code: 'JOURNEE_EHPAD', sourcePublisher: 'ATIH', payers: expect.any(Object) })]);
  });

  it('lets only admins write, and hides another tenant’s rows behind 404', async () => {
    const body = {
      code: 'X_TEST',
      label: 'x',
      unit: 'jour',
      amount: '10',
      priceYear: 2024,
      payers: { DEPARTEMENT: '1' },
      sourceTitle: 't',
      sourcePublisher: 'p',
    };
    await http().post('/api/unit-costs').send(body).set(reader).expect(403);
    const [ehpad] = (
      await http()
        .get('/api/unit-costs')
        .query({ filter: JSON.stringify({ code: 'JOURNEE_EHPAD' }) })
        .set(admin)
        .expect(200)
    ).body as { id: string }[];
    await http().get(`/api/unit-costs/${ehpad.id}`).set(bellerive).expect(404);
    await http().put(`/api/unit-costs/${ehpad.id}`).send({ label: 'volé' }).set(bellerive).expect(403);
    await http().get('/api/unit-costs/not-a-uuid').set(admin).expect(404);
  });

  it('rejects a unit cost whose payer shares do not sum to 1, with the engine’s message at the field', async () => {
    const res = await http()
      .post('/api/unit-costs')
      .send({
        code: 'BAD_PAYERS',
        label: 'x',
        unit: 'jour',
        amount: '10',
        priceYear: 2024,
        payers: { DEPARTEMENT: '0.5', USAGER: '0.2' },
        sourceTitle: 't',
        sourcePublisher: 'p',
      })
      .set(admin)
      .expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path: 'payers', message: expect.stringMatching(/somme des parts des payeurs doit valoir 1/) }]);
  });

  it('creates a unit cost, audits it in the same transaction and schedules one full recompute', async () => {
    const queue = api.app.get(JobProducer).queue('indicators');
    const body = {
      code: 'JOURNEE_FOYER',
      label: 'Journée en foyer',
      unit: 'jour',
      amount: '85.5',
      priceYear: 2024,
      payers: { DEPARTEMENT: '1' },
      sourceTitle: 'Tarif local',
      sourcePublisher: 'CCAS',
    };
    const created = await http().post('/api/unit-costs').send(body).set(admin).expect(201);
    expect(created.body).toMatchObject({ code: 'JOURNEE_FOYER', amount: '85.5', cashableShare: '1', grade: null });
    await http()
      .put(`/api/unit-costs/${created.body.id}`)
      .send({ ...created.body, amount: '90' })
      .set(admin)
      .expect(200);
    const ds = await api.db.dataSource();
    const audit = await ds.query(`SELECT action, before, after FROM audit_log WHERE entity = 'unit_cost' AND entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['unit_cost.create', 'unit_cost.update']);
    expect(audit[1].before.amount).toBe('85.5');
    expect(audit[1].after.amount).toBe('90');
    const jobs = await queue.getJobs(['delayed', 'waiting', 'active']);
    const full = jobs.filter((j) => j.name === 'recompute' && (j.data as { organisationId: string }).organisationId === valmontId);
    expect(full).toHaveLength(1);
    expect(full[0].data).toEqual({ organisationId: valmontId, periods: [] });
    expect(await queue.getDeduplicationJobId(RECOMPUTE_JOBS.recompute.deduplicationId({ organisationId: valmontId, periods: [] }))).toBe(full[0].id);
  });

  it('refuses to delete a unit cost that an assumption uses', async () => {
    const [ehpad] = (
      await http()
        .get('/api/unit-costs')
        .query({ filter: JSON.stringify({ code: 'JOURNEE_EHPAD' }) })
        .set(admin)
        .expect(200)
    ).body as { id: string }[];
    const res = await http().delete(`/api/unit-costs/${ehpad.id}`).set(admin).expect(409);
    expect(res.body.detail).toMatch(/ENTREE_EHPAD/);
  });

  it('validates outcome assumptions with the engine and reports paths under params', async () => {
    const base = { service: 'SAAD', code: 'CHUTE', label: 'Chute évitée', justification: 'Étude locale 2023' };
    const bad = await http()
      .post('/api/outcome-assumptions')
      .send({ ...base, params: { mode: 'counterfactual', rateWithout: '0.2', rateWith: '0.1', deadweight: '0.1', attribution: '1.5', unitCost: 'INCONNU' } })
      .set(admin)
      .expect(422);
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['params.deadweight', 'params.attribution']));
    const unknownCost = await http()
      .post('/api/outcome-assumptions')
      .send({ ...base, params: { mode: 'counterfactual', rateWithout: '0.2', rateWith: '0.1', unitCost: 'INCONNU' } })
      .set(admin)
      .expect(422);
    expect(unknownCost.body.errors).toEqual([{ path: 'params.unitCost', message: expect.stringMatching(/coût unitaire inconnu « INCONNU »/) }]);
    const ok = await http()
      .post('/api/outcome-assumptions')
      .send({
        ...base,
        params: { mode: 'counterfactual', rateWithout: '0.2', rateWith: { low: '0.15', central: '0.12', high: '0.1' }, unitCost: 'SEJOUR_MCO', grade: 2 },
      })
      .set(admin)
      .expect(201);
    expect(ok.body).toMatchObject({ service: 'SAAD', code: 'CHUTE' });
    const listed = await http()
      .get('/api/outcome-assumptions')
      .query({ filter: JSON.stringify({ service: 'SAAD' }) })
      .set(reader)
      .expect(200);
    expect(listed.body.map((a: { code: string }) => a.code).sort()).toEqual(['CHUTE', 'ENTREE_EHPAD']);
    await http()
      .post('/api/outcome-assumptions')
      .send({ ...base, service: 'NOPE', params: {} })
      .set(admin)
      .expect(422);
  });

  it('refuses to delete a price index the method needs', async () => {
    const [index2013] = (
      await http()
        .get('/api/price-indices')
        .query({ filter: JSON.stringify({ year: 2013 }) })
        .set(admin)
        .expect(200)
    ).body as { id: string }[];
    const res = await http().delete(`/api/price-indices/${index2013.id}`).set(admin).expect(422);
    expect(JSON.stringify(res.body.errors)).toMatch(/2013/);
  });

  it('publishes a methodology version: parameters validated, snapshot frozen, version = max + 1', async () => {
    const bad = await http()
      .post('/api/methodology-versions')
      .send({
        label: 'Trop optimiste',
        effectiveFrom: '2025-01-01',
        parameters: { baseYear: 2024, discountRate: '0.03', discountConvention: 0, optimismBias: { '1': '0', '2': '0.05' } },
      })
      .set(admin)
      .expect(422);
    expect((bad.body.errors as { path: string }[]).some((e) => /grade/.test(e.path))).toBe(true);
    await http()
      .post('/api/methodology-versions')
      .send({ label: 'x', effectiveFrom: '2025-01-01', parameters: { baseYear: 2024, discountRate: 'beaucoup', discountConvention: 0 } })
      .set(admin)
      .expect(400);
    const published = await http()
      .post('/api/methodology-versions')
      .send({
        label: 'Méthode 2025 (4,5 %)',
        effectiveFrom: '2025-01-01',
        parameters: { conventions: 2, baseYear: 2024, discountRate: '0.045', discountConvention: 1 },
      })
      .set(admin)
      .expect(201);
    // the demo already has method 1 (2023) and method 2 (2024)
    expect(published.body.version).toBe(3);
    expect(published.body.snapshot.unitCosts.length).toBeGreaterThanOrEqual(9);
    expect(published.body.snapshot.assumptions.map((a: { code: string }) => a.code)).toContain('ENTREE_EHPAD');
    const list = await http().get('/api/methodology-versions').set(reader).expect(200);
    expect(list.headers['content-range']).toBe('methodology-versions 0-2/3');
    expect(list.body[0].version).toBe(3);
    // the figures shown are those computed with method 2 until the recompute the publication scheduled has run
    const summary = await http().get('/api/indicators/summary').set(admin).expect(200);
    expect(summary.body.methodologyVersion.version).toBe(2);
  });
});
