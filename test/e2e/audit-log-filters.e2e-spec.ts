import request from 'supertest';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';

type Auth = { Authorization: string };
interface Entry {
  action: string;
  actorName: string | null;
  after: { orgUnit?: string; period?: string } | null;
}

describe('/api/audit-log filtered by unit (with its sub-units), period and user (issue 13)', () => {
  let api: TestApi;
  let admin: Auth;
  let finance: Auth;
  let financeId: string;
  const http = () => request(api.app.getHttpServer());
  const audit = (filter: Record<string, string>) =>
    http()
      .get('/api/audit-log')
      .query({ filter: JSON.stringify(filter), range: '[0,99]' })
      .set(admin);

  beforeAll(async () => {
    ({ api: api } = await startDemoApi());
    [admin, finance] = await Promise.all(['admin@valmont.demo', 'finance@valmont.demo'].map((email) => loginAs(api.app, email)));
    [{ id: financeId }] = await (await api.db.dataSource()).query(`SELECT id FROM app_user WHERE email = 'finance@valmont.demo'`);
    await http().post('/api/periods/submit').set(finance).send({ orgUnit: 'VALMONT-NORD', period: '2024-11' }).expect(200);
    await http().post('/api/periods/submit').set(finance).send({ orgUnit: 'VALMONT-SUD', period: '2024-10' }).expect(200);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('finds the entries of a leaf through its parent unit and a period, with the author’s name', async () => {
    const res = await audit({ orgUnit: 'VALMONT', period: '2024-11', entity: 'period_status' }).expect(200);
    const entries = res.body as Entry[];
    expect(entries.map((e) => [e.action, e.after?.orgUnit, e.after?.period])).toEqual([['period.submit', 'VALMONT-NORD', '2024-11']]);
    expect(entries[0].actorName).toBe('Direction financière (démo)');
    // the demo seed's figure creations are audited too (like an import's): the same filter finds those of both leaves
    const figures = (await audit({ orgUnit: 'VALMONT', period: '2024-11', entity: 'figure' }).expect(200)).body as Entry[];
    expect(new Set(figures.map((e) => `${e.action} ${e.after?.orgUnit} ${e.after?.period}`))).toEqual(
      new Set(['figure.upsert VALMONT-NORD 2024-11', 'figure.upsert VALMONT-SUD 2024-11']),
    );
  });

  it('keeps other units and periods out, and filters by user', async () => {
    expect((await audit({ orgUnit: 'VALMONT-SUD', period: '2024-11', entity: 'period_status' }).expect(200)).body).toEqual([]);
    const sud = (await audit({ orgUnit: 'VALMONT-SUD', period: '2024-10', entity: 'figure' }).expect(200)).body as Entry[];
    expect(sud.length).toBeGreaterThan(0);
    expect(sud.filter((e) => e.after?.orgUnit !== 'VALMONT-SUD' || e.after?.period !== '2024-10')).toEqual([]);
    const byUser = (await audit({ actorId: financeId, entity: 'period_status' }).expect(200)).body as Entry[];
    expect(byUser.map((e) => `${e.after?.orgUnit} ${e.after?.period}`).sort()).toEqual(['VALMONT-NORD 2024-11', 'VALMONT-SUD 2024-10']);
    const quarter = await audit({ period: '2024-T4', entity: 'period_status' }).expect(200);
    expect(quarter.body).toEqual([]);
    // « T4 » is the French quarter: the demo's quarterly figures of 2024-Q4 (their creation), nothing else
    const quarterFigures = (await audit({ period: '2024-T4', entity: 'figure' }).expect(200)).body as Entry[];
    expect(new Set(quarterFigures.map((e) => e.after?.period))).toEqual(new Set(['2024-Q4']));
    const bad = await audit({ period: 'novembre' }).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/Le filtre period n’est pas valide/);
  });
});
