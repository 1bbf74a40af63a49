import request from 'supertest';
import type { TestApi } from '../setup/test-app';
import { Auth, demoLogins, startDemoApi } from '../setup/demo-api';
import { createScopedUser } from '../factories/scoped-users.factory';

interface Expected {
  id: string;
  service: string;
  slots: string[];
  metrics: string[];
  configured: boolean;
  updatedByName: string | null;
}

describe('/api/expected-metrics (service → expected metrics, issue 13)', () => {
  let sut: TestApi;
  let admin: Auth;
  let finance: Auth;
  let belleriveAdmin: Auth;
  const http = () => request(sut.app.getHttpServer());
  const byService = (rows: Expected[], code: string): Expected => rows.find((r) => r.service === code)!;

  beforeAll(async () => {
    ({ api: sut } = await startDemoApi());
    await createScopedUser(await sut.db.dataSource(), 'CCAS de Bellerive', 'admin@bellerive.test', [['admin', null]], 'Admin Bellerive');
    ({ admin, finance, belleriveAdmin } = await demoLogins(sut, {
      admin: 'admin@valmont.demo',
      finance: 'finance@valmont.demo',
      belleriveAdmin: 'admin@bellerive.test',
    }));
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('starts from the demo’s configuration of Valmont (what each service’s figures and outcomes need), resettable by an admin', async () => {
    const seeded = (await http().get('/api/expected-metrics').set(finance).expect(200)).body as Expected[];
    expect(seeded.map((r) => [r.service, r.slots, r.configured]).sort()).toEqual([
      ['AED', ['spend', 'person_months', 'observed.placement_evite'], true],
      ['LOGEMENT_DABORD', ['spend', 'person_months', 'observed.nuitee_hotel_evitee'], true],
      ['PORTAGE_REPAS', ['spend', 'beneficiaries', 'meals'], true],
      ['SAAD', ['spend', 'person_months', 'hours'], true],
    ]);
    // the rest of this spec starts from the default of each service
    for (const r of seeded) expect((await http().delete(`/api/expected-metrics/${r.service}`).set(admin).expect(200)).body.configured).toBe(false);
  });

  it('defaults to spend, one activity measure and the service’s own observed outcomes (no hotel nights on meal delivery)', async () => {
    const res = await http().get('/api/expected-metrics').set(finance).expect(200);
    expect(res.headers['content-range']).toBe('expected-metrics 0-3/4');
    const rows = res.body as Expected[];
    expect(byService(rows, 'PORTAGE_REPAS')).toMatchObject({ id: 'PORTAGE_REPAS', slots: ['spend', 'person_months|beneficiaries'], configured: false });
    expect(byService(rows, 'PORTAGE_REPAS').metrics).not.toContain('observed.nuitee_hotel_evitee');
    expect(byService(rows, 'LOGEMENT_DABORD').metrics).toEqual(['spend', 'person_months', 'beneficiaries', 'observed.nuitee_hotel_evitee']);
  });

  it('lets an admin only configure a service, with French reasons for bad input', async () => {
    await http()
      .put('/api/expected-metrics/PORTAGE_REPAS')
      .set(finance)
      .send({ metrics: ['spend'] })
      .expect(403);
    const unknown = await http()
      .put('/api/expected-metrics/PORTAGE_REPAS')
      .set(admin)
      .send({ metrics: ['spend', 'repas'] })
      .expect(422);
    expect(unknown.body.detail ?? unknown.body.message).toMatch(/indicateur inconnu « repas »/);
    const empty = await http().put('/api/expected-metrics/PORTAGE_REPAS').set(admin).send({ metrics: [] }).expect(400);
    expect(JSON.stringify(empty.body)).toMatch(/au moins un indicateur/);
    await http()
      .put('/api/expected-metrics/INCONNU')
      .set(admin)
      .send({ metrics: ['spend'] })
      .expect(404);
  });

  it('changes what completeness counts, audits the change and can go back to the default', async () => {
    const q = { orgUnit: 'VALMONT-NORD', period: '2024-03' };
    // the audit rows of this test only (the seed and the resets above wrote their own)
    const [{ since }] = await (await sut.db.dataSource()).query(`SELECT coalesce(max(id), 0) AS since FROM audit_log`);
    const before = await http().get('/api/completeness').query(q).set(finance).expect(200);
    const res = await http()
      .put('/api/expected-metrics/PORTAGE_REPAS')
      .set(admin)
      .send({ metrics: ['spend', 'beneficiaries', 'meals', 'meals'] })
      .expect(200);
    expect(res.body).toMatchObject({ slots: ['spend', 'beneficiaries', 'meals'], configured: true, updatedByName: 'Administratrice méthodologie (démo)' });
    // meal delivery now expects spend, beneficiaries and meals (3 slots) instead of spend and one activity measure (2)
    const after = await http().get('/api/completeness').query(q).set(finance).expect(200);
    expect(after.body.expected).toBe(before.body.expected + 1);
    const audit = await (
      await sut.db.dataSource()
    ).query(`SELECT before, after FROM audit_log WHERE action = 'service.expected_metrics' AND id > $1 ORDER BY id`, [since]);
    expect(audit).toEqual([
      {
        before: { service: 'PORTAGE_REPAS', metrics: ['spend', 'person_months', 'beneficiaries'], configured: false },
        after: { service: 'PORTAGE_REPAS', metrics: ['spend', 'beneficiaries', 'meals'], configured: true },
      },
    ]);

    // another organisation's admin sees its own default, and its change does not touch Valmont's
    const bellerive = await http().get('/api/expected-metrics/PORTAGE_REPAS').set(belleriveAdmin).expect(200);
    expect(bellerive.body.configured).toBe(false);
    await http()
      .put('/api/expected-metrics/PORTAGE_REPAS')
      .set(belleriveAdmin)
      .send({ metrics: ['spend'] })
      .expect(200);
    expect((await http().get('/api/expected-metrics/PORTAGE_REPAS').set(finance).expect(200)).body.slots).toEqual(['spend', 'beneficiaries', 'meals']);
    await http()
      .put('/api/expected-metrics/AED')
      .set(belleriveAdmin)
      .send({ metrics: ['spend'] })
      .expect(404);

    const reset = await http().delete('/api/expected-metrics/PORTAGE_REPAS').set(admin).expect(200);
    expect(reset.body).toMatchObject({ slots: ['spend', 'person_months|beneficiaries'], configured: false });
    expect((await http().get('/api/completeness').query(q).set(finance).expect(200)).body.expected).toBe(before.body.expected);
  });
});
