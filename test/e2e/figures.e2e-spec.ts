import request from 'supertest';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';

type Auth = { Authorization: string };
const FIGURE_KEYS = [
  'id',
  'orgUnit',
  'service',
  'metric',
  'period',
  'value',
  'status',
  'source',
  'comment',
  'submissionId',
  'updatedAt',
  'orgUnitLabel',
  'serviceLabel',
  'metricLabel',
  'metricUnit',
  'updatedBy',
  'updatedByName',
].sort();

describe('/api/figures, /api/periods, /api/completeness', () => {
  let api: TestApi;
  let finance: Auth;
  let viewer: Auth;
  let admin: Auth;
  let bellerive: Auth;
  const http = () => request(api.app.getHttpServer());
  const filter = (f: Record<string, unknown>) => ({ filter: JSON.stringify(f) });

  beforeAll(async () => {
    ({ api: api } = await startDemoApi());
    [finance, viewer, admin, bellerive] = await Promise.all(
      ['finance@valmont.demo', 'lecteur@valmont.demo', 'admin@valmont.demo', 'directeur@bellerive.demo'].map((email) => loginAs(api.app, email)),
    );
  });
  afterAll(async () => {
    await api?.close();
  });

  it('filters figures by codes, with a period list, values as decimal strings and Content-Range', async () => {
    const res = await http()
      .get('/api/figures')
      .query({ ...filter({ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: ['2024-01', '2024-02'] }), sort: '["period","ASC"]' })
      .set(viewer)
      .expect(200);
    expect(res.body.map((f: { period: string }) => f.period)).toEqual(['2024-01', '2024-02']);
    expect(Object.keys(res.body[0]).sort()).toEqual(FIGURE_KEYS);
    expect(res.body[0].value).toMatch(/^\d+(\.\d+)?$/);
    expect(res.headers['content-range']).toBe('figures 0-1/2');
    const one = await http().get(`/api/figures/${res.body[0].id}`).set(viewer).expect(200);
    expect(one.body).toEqual(res.body[0]);
  });

  it('corrects a figure with PUT (finance), refuses bad values with 422, viewers with 403, other tenants with 404', async () => {
    const [figure] = (
      await http()
        .get('/api/figures')
        .query(filter({ orgUnit: 'VALMONT-SUD', service: 'AED', metric: 'spend', period: '2024-11' }))
        .set(viewer)
        .expect(200)
    ).body;
    const saved = await http()
      .put(`/api/figures/${figure.id}`)
      .set(finance)
      .send({ ...figure, value: '8123.45', reason: 'Erreur de saisie' })
      .expect(200);
    expect(saved.body).toMatchObject({ id: figure.id, value: '8123.45', source: 'form' });
    const bad = await http().put(`/api/figures/${figure.id}`).set(finance).send({ value: '-5' }).expect(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.detail).toMatch(/minimum/);
    await http().put(`/api/figures/${figure.id}`).set(finance).send({ value: 'douze' }).expect(422);
    await http().put(`/api/figures/${figure.id}`).set(viewer).send({ value: '1' }).expect(403);
    await http().get(`/api/figures/${figure.id}`).set(bellerive).expect(404);
    await http().put(`/api/figures/${figure.id}`).set(bellerive).send({ value: '1' }).expect(403);
    const theirs = await http()
      .get('/api/figures')
      .query(filter({ orgUnit: 'VALMONT-SUD' }))
      .set(bellerive)
      .expect(200);
    expect(theirs.body).toEqual([]);
  });

  it('submits, approves (locking edits), and reopens a period only with a reason', async () => {
    const target = { orgUnit: 'VALMONT-NORD', period: '2024-12' };
    const submitted = await http().post('/api/periods/submit').set(finance).send(target).expect(200);
    expect(submitted.body).toEqual([expect.objectContaining({ orgUnit: 'VALMONT-NORD', period: '2024-12', status: 'submitted' })]);
    // four eyes (on by default): the submitter may not approve; someone else does
    const own = await http().post('/api/periods/approve').set(finance).send(target).expect(403);
    expect(own.body.detail).toMatch(/vous avez soumis la période déc\. 2024/);
    await http().post('/api/periods/approve').set(admin).send(target).expect(200);
    await http().post('/api/periods/approve').set(viewer).send(target).expect(403);

    const [figure] = (
      await http()
        .get('/api/figures')
        .query(filter({ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'hours', period: '2024-12' }))
        .set(viewer)
    ).body;
    expect(figure.status).toBe('approved');
    const locked = await http().put(`/api/figures/${figure.id}`).set(finance).send({ value: '2000' }).expect(409);
    expect(locked.body.detail).toMatch(/rouvrez-la avec un motif/);

    const noReason = await http().post('/api/periods/reopen').set(finance).send(target).expect(400);
    expect(noReason.body.detail).toMatch(/motif/);
    await http()
      .post('/api/periods/reopen')
      .set(finance)
      .send({ ...target, reason: 'Correction des heures de décembre' })
      .expect(200);
    await http().put(`/api/figures/${figure.id}`).set(finance).send({ value: '2000' }).expect(200);
    const periods = await http()
      .get('/api/periods')
      .query(filter({ orgUnit: 'VALMONT-NORD', period: '2024-12' }))
      .set(viewer)
      .expect(200);
    expect(periods.body).toEqual([expect.objectContaining({ status: 'draft', reason: 'Correction des heures de décembre' })]);
    expect(periods.headers['content-range']).toBe('periods 0-0/1');
    await http().post('/api/periods/close').set(finance).send(target).expect(404);
    await http().post('/api/periods/approve').set(finance).send({ orgUnit: 'VALMONT-OUEST', period: '2024-12' }).expect(400);
    await http().post('/api/periods/approve').set(finance).send({ orgUnit: 'VALMONT-NORD', period: '2024-13' }).expect(400);
  });

  it('measures completeness: expected figures of the leaves against those entered', async () => {
    const full = await http().get('/api/completeness').query({ orgUnit: 'VALMONT', period: '2024-03' }).set(viewer).expect(200);
    // the demo's configuration (demo-expected-metrics.ts): 3 metrics for each of the 3 monthly services × 2 leaves = 18;
    // LOGEMENT_DABORD is quarterly; the demo entered all of them
    expect(full.body).toMatchObject({ orgUnit: 'VALMONT', period: '2024-03', expected: 18, entered: 18 });
    const empty = await http().get('/api/completeness').query({ orgUnit: 'VALMONT-NORD', period: '2030-01' }).set(viewer).expect(200);
    expect(empty.body).toMatchObject({ entered: 0, ratio: '0.0000' });
    expect(empty.body.missing[0]).toEqual({ orgUnit: 'VALMONT-NORD', service: expect.any(String), metric: expect.any(String), period: '2030-01' });
    await http().get('/api/completeness').query({ orgUnit: 'VALMONT' }).set(viewer).expect(400);
  });

  it('shows the audit log to admins only, with the edits’ before and after', async () => {
    const res = await http()
      .get('/api/audit-log')
      .query(filter({ action: 'figure.upsert' }))
      .set(admin)
      .expect(200);
    expect(res.headers['content-range']).toMatch(/^audit-log 0-\d+\/\d+$/);
    expect(res.body[0]).toMatchObject({
      action: 'figure.upsert',
      entity: 'figure',
      actorEmail: 'finance@valmont.demo',
      before: { value: expect.any(String) },
      after: { value: '2000' },
    });
    await http().get('/api/audit-log').set(finance).expect(403);
    const theirs = await http()
      .get('/api/audit-log')
      .set(await loginAs(api.app, 'admin@valmont.demo'))
      .query(filter({ entityId: 'nothing' }))
      .expect(200);
    expect(theirs.body).toEqual([]);
  });
});
