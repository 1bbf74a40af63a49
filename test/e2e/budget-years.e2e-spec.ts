import request from 'supertest';
import { JobProducer } from '../../apps/api/src/platform/queue/job-producer';
import type { TestApi } from '../setup/test-app';
import { Auth, demoLogins, startDemoApi } from '../setup/demo-api';
import { createScopedUser } from '../factories/scoped-users.factory';

describe('budget years (voted real expenditure, base of the fongibilité rate)', () => {
  let sut: TestApi;
  let valmontId: string;
  let finance: Auth;
  let director: Auth;
  let reader: Auth;
  let bellerive: Auth;
  const http = () => request(sut.app.getHttpServer());
  const budget2024 = { year: 2024, realExpenditure: '1500000', source: 'Budget primitif 2024', comment: 'Voté le 12 décembre 2023' };

  beforeAll(async () => {
    ({ api: sut, valmontId } = await startDemoApi());
    // Bellerive's demo accounts cannot write budgets: give it a finance account, so its writes reach the tenant check
    await createScopedUser(await sut.db.dataSource(), 'CCAS de Bellerive', 'finance@bellerive.test', [['finance', null]], 'Finances Bellerive');
    ({ finance, director, reader, bellerive } = await demoLogins(sut, {
      finance: 'finance@valmont.demo',
      director: 'directeur@valmont.demo',
      reader: 'lecteur@valmont.demo',
      bellerive: 'finance@bellerive.test',
    }));
  });
  afterAll(async () => {
    await sut?.app.get(JobProducer).queue('indicators').obliterate({ force: true });
    await sut?.close();
  });

  it('creates a year as finance, audits it and schedules the reallocation recompute', async () => {
    const res = await http().post('/api/budget-years').send(budget2024).set(finance).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), section: 'FONCTIONNEMENT', ...budget2024 });
    const ds = await sut.db.dataSource();
    const audit = await ds.query(`SELECT action, after FROM audit_log WHERE entity = 'budget_year' AND entity_id = $1`, [res.body.id]);
    expect(audit).toEqual([{ action: 'budget_year.create', after: expect.objectContaining({ year: 2024, realExpenditure: '1500000' }) }]);
    const jobs = await sut.app.get(JobProducer).queue('indicators').getJobs(['delayed', 'waiting']);
    expect(jobs.map((j) => ({ name: j.name, data: j.data as unknown }))).toContainEqual({
      name: 'recompute-reallocation',
      data: { organisationId: valmontId },
    });
  });

  it('refuses invalid input with French messages, field by field', async () => {
    const res = await http()
      .post('/api/budget-years')
      .send({ year: 'deux mille vingt-quatre', section: 'INVESTISSEMENT', realExpenditure: '0', comment: 'x'.repeat(1001) })
      .set(finance)
      .expect(400);
    const errors = (res.body.errors as string[]).join(' | ');
    expect(errors).toMatch(/year : année entière attendue/);
    expect(errors).toMatch(/section : seule la section FONCTIONNEMENT est prise en charge/);
    expect(errors).toMatch(/realExpenditure : montant strictement positif attendu/);
    expect(errors).toMatch(/comment : 1000 caractères au plus/);
    await http().post('/api/budget-years').send({ year: 2023, realExpenditure: '-5' }).set(finance).expect(400);
  });

  it('keeps one record per year and section (409, in French)', async () => {
    const res = await http().post('/api/budget-years').send({ year: 2024, realExpenditure: '2000000' }).set(finance).expect(409);
    expect(res.body.detail).toMatch(/Le budget 2024 de la section FONCTIONNEMENT existe déjà/);
  });

  it('lets every member read, only finance and admins write', async () => {
    await http().post('/api/budget-years').send({ year: 2023, realExpenditure: '1400000' }).set(director).expect(403);
    const list = await http()
      .get('/api/budget-years')
      .query({ sort: JSON.stringify(['year', 'DESC']), range: JSON.stringify([0, 9]) })
      .set(reader)
      .expect(200);
    expect(list.headers['content-range']).toBe('budget-years 0-0/1');
    expect(list.body).toEqual([expect.objectContaining({ year: 2024, realExpenditure: '1500000' })]);
  });

  it('updates and deletes, each write audited', async () => {
    const [row] = (
      await http()
        .get('/api/budget-years')
        .query({ filter: JSON.stringify({ year: 2024 }) })
        .set(reader)
        .expect(200)
    ).body;
    const updated = await http().put(`/api/budget-years/${row.id}`).send({ realExpenditure: '1600000.50', source: null }).set(finance).expect(200);
    expect(updated.body).toMatchObject({ year: 2024, realExpenditure: '1600000.5', source: null, comment: budget2024.comment });
    const created = await http().post('/api/budget-years').send({ year: 2022, realExpenditure: '1300000' }).set(finance).expect(201);
    await http().delete(`/api/budget-years/${created.body.id}`).set(finance).expect(200);
    await http().get(`/api/budget-years/${created.body.id}`).set(reader).expect(404);
    const ds = await sut.db.dataSource();
    const actions = await ds.query(`SELECT action FROM audit_log WHERE entity = 'budget_year' ORDER BY id`);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['budget_year.create', 'budget_year.update', 'budget_year.create', 'budget_year.delete']);
  });

  it('hides a record from another tenant: 404 on read, write and delete, absent from its list', async () => {
    const [row] = (await http().get('/api/budget-years').set(reader).expect(200)).body;
    const notFound = await http().get(`/api/budget-years/${row.id}`).set(bellerive).expect(404);
    expect(notFound.body.detail).toBe('Budget voté introuvable.');
    await http().put(`/api/budget-years/${row.id}`).send({ realExpenditure: '1' }).set(bellerive).expect(404);
    await http().delete(`/api/budget-years/${row.id}`).set(bellerive).expect(404);
    expect((await http().get('/api/budget-years').set(bellerive).expect(200)).body).toEqual([]);
    expect((await http().get(`/api/budget-years/${row.id}`).set(reader).expect(200)).body.realExpenditure).toBe('1600000.5');
  });

  it('says which base the fongibilité rate used in the reallocation response', async () => {
    // 2023 has spend figures and no budget record, 2024 has its voted budget
    const res = await http().get('/api/indicators/reallocation').query({ from: '2023', to: '2024' }).set(reader).expect(200);
    expect(res.body).toMatchObject({ source: 'live', realExpenditureSource: 'mixed', realExpenditureProxyYears: ['2023'] });
    expect(res.body.realExpenditureNote).toMatch(/budget voté pour 2024 ; faute de budget voté pour 2023, base : dépenses des services saisies/);
  });
});
