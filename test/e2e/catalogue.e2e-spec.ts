import request from 'supertest';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';

describe('/api/org-units, /api/services, /api/metrics', () => {
  let api: TestApi;
  let viewer: { Authorization: string };
  let bellerive: { Authorization: string };
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    ({ api: api } = await startDemoApi());
    viewer = await loginAs(api.app, 'lecteur@valmont.demo');
    bellerive = await loginAs(api.app, 'directeur@bellerive.demo');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists the tenant’s org-unit tree with Content-Range', async () => {
    const res = await http().get('/api/org-units').set(viewer).expect(200);
    expect(res.headers['content-range']).toBe('org-units 0-2/3');
    expect(res.body.map((u: { code: string; leaf: boolean }) => [u.code, u.leaf])).toEqual([
      ['VALMONT', false],
      ['VALMONT-NORD', true],
      ['VALMONT-SUD', true],
    ]);
    const nord = res.body[1];
    expect(nord).toMatchObject({ parentCode: 'VALMONT' });
    await http().get(`/api/org-units/${nord.id}`).set(viewer).expect(200);
    await http().get(`/api/org-units/${nord.id}`).set(bellerive).expect(404);
  });

  it('lists services with their granularity and units, and metrics with their constraints', async () => {
    const services = await http().get('/api/services').query({ sort: '["code","ASC"]', range: '[0,1]' }).set(viewer).expect(200);
    expect(services.headers['content-range']).toBe('services 0-1/4');
    expect(services.body[0]).toMatchObject({
      code: 'AED',
      granularity: 'month',
      functionCode: '4213',
      functionLabel: 'Aides sociales à l’enfance',
      note: expect.stringContaining('Placements évités'),
      orgUnits: ['VALMONT-NORD', 'VALMONT-SUD'],
    });
    const metrics = await http().get('/api/metrics').query({ filter: '{"code":["spend","beneficiaries"]}' }).set(viewer).expect(200);
    expect(metrics.body).toEqual([
      expect.objectContaining({ code: 'beneficiaries', integer: true, minValue: '0' }),
      expect.objectContaining({ code: 'spend', integer: false, minValue: '0' }),
    ]);
    const theirs = await http().get('/api/services').set(bellerive).expect(200);
    expect(theirs.body.map((s: { code: string }) => s.code)).toEqual(['PORTAGE_REPAS', 'SAAD']);
  });
});
