import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { JobProducer } from '../../apps/api/src/platform/queue/job-producer';
import { ReallocationRecomputeService } from '../../apps/api/src/indicators/reallocation/reallocation-recompute.service';
import type { TestApi } from '../setup/test-app';
import { startDemoApi, startDemoWorker } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';

type Auth = { Authorization: string };

describe('reallocation records and indicators', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let valmontId: string;
  let admin: Auth;
  let director: Auth;
  let finance: Auth;
  let reader: Auth;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    ({ api, valmontId } = await startDemoApi());
    worker = await startDemoWorker(api);
    await worker.get(ReallocationRecomputeService).recompute(valmontId);
    admin = await loginAs(api.app, 'admin@valmont.demo');
    director = await loginAs(api.app, 'directeur@valmont.demo');
    finance = await loginAs(api.app, 'finance@valmont.demo');
    reader = await loginAs(api.app, 'lecteur@valmont.demo');
  });
  afterAll(async () => {
    await worker?.get(JobProducer).queue('indicators').obliterate({ force: true });
    await worker?.close();
    await api?.close();
  });

  it('serves the demo year from the read model, with the engine’s reallocation output', async () => {
    const res = await http().get('/api/indicators/reallocation').query({ from: '2024' }).set(reader).expect(200);
    const ds = await api.db.dataSource();
    const [{ spend }] = await ds.query(
      `SELECT sum(f.value)::text AS spend FROM figure f JOIN metric m ON m.id = f.metric_id WHERE f.organisation_id = $1 AND m.code = 'spend' AND f.period LIKE '2024%'`,
      [valmontId],
    );
    // FTE-days: 15 + 20×0.8 + 10 + 20 + 15 + 10×0.5 + 12 + 5 = 98; 7 distinct agents / 200
    expect(res.body).toMatchObject({
      source: 'read-model',
      fteDays: '98.000000',
      agentsRedeployed: '7',
      mobilisationRate: '0.035000',
      // critical needs: (min(40, 60) + min(31, 40)) / (60 + 40)
      criticalCoverage: '0.710000',
      // volunteer FTE-days 15 + 10 + 20 + 15 + 5 = 65 of 98
      volunteerShare: (65 / 98).toFixed(6),
      value: '17202.00',
      fongibiliteVolume: '12000.00',
      flags: [{ transfer: 'FONG-2024-02', reason: 'PERSONNEL_EXCLUDED' }],
      // FONG-2024-01 moves 12 000 € from chapter 011 (function 4213) to chapter 65 (function 4238): fongibilité between chapters
      netFlowByFunction: { '4213': '-12000.00', '4238': '12000.00', '423': '-7000.00', '424': '7000.00' },
      // every function code of the response with its M57 label
      functionLabels: {
        '4213': 'Aides sociales à l’enfance',
        '4238': 'Autres actions pour les personnes âgées',
        '423': 'Personnes âgées',
        '424': 'Personnes en difficulté',
      },
      // 24×1×120 + 10×2×65 + 90×4×3.5
      inKindValue: '5440.00',
      realExpenditure: Number(spend).toFixed(2),
    });
    expect(Number(res.body.fongibiliteRate)).toBeCloseTo(12000 / Number(spend), 6);
    expect(res.body.fongibiliteOverLimit).toBe(12000 / Number(spend) > 0.075);
    expect(res.body.leadTimeMedianDays).toEqual(expect.any(String));
    expect(res.body.flows.budget.nodes).toEqual(expect.arrayContaining([{ name: 'Fonction 4213' }, { name: 'Fonction 4238' }]));
    expect(res.body.flows.staff.links.length).toBeGreaterThan(0);
    expect(res.body.series.map((s: { period: string }) => s.period)).toEqual(['2024']);
  });

  it('stores months without budget and computes a month range live', async () => {
    const june = await http().get('/api/indicators/reallocation').query({ from: '2024-06' }).set(reader).expect(200);
    expect(june.body).toMatchObject({ source: 'read-model', fteDays: '40.000000', fongibiliteRate: null, realExpenditure: null });
    const range = await http().get('/api/indicators/reallocation').query({ from: '2024-01', to: '2024-03' }).set(reader).expect(200);
    expect(range.body).toMatchObject({ source: 'live', fteDays: '41.000000' });
    expect(range.body.series.map((s: { period: string }) => s.period)).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  it('enforces roles: directors and admins for staff records, finance and admins for transfers', async () => {
    const redeployment = {
      agentRef: 'AG-0099',
      toService: 'SAAD',
      workingDays: '3',
      requestDate: '2024-12-02',
      startDate: '2024-12-03',
      volunteer: false,
      dailyCost: '150',
    };
    await http().post('/api/redeployments').send(redeployment).set(finance).expect(403);
    await http().post('/api/redeployments').send(redeployment).set(reader).expect(403);
    const transfer = { code: 'VIR-TEST', instrument: 'VIREMENT_INTERNE', fromChapter: '011', toChapter: '011', amount: '10', decisionDate: '2024-12-01' };
    await http().post('/api/budget-transfers').send(transfer).set(director).expect(403);
    await http().post('/api/budget-transfers').send(transfer).set(finance).expect(201);
  });

  it('accepts pseudonyms only, never names or e-mail addresses', async () => {
    const base = { toService: 'SAAD', workingDays: '3', requestDate: '2024-12-02', startDate: '2024-12-03', volunteer: false, dailyCost: '150' };
    for (const agentRef of ['jean.dupont@valmont.fr', 'DUPONT', 'Jean Dupont']) {
      const res = await http()
        .post('/api/redeployments')
        .send({ ...base, agentRef })
        .set(director)
        .expect(400);
      expect(JSON.stringify(res.body.errors)).toMatch(/pseudonyme/);
    }
  });

  it('reports the engine’s errors at the field', async () => {
    const res = await http()
      .post('/api/redeployments')
      .send({
        agentRef: 'AG-0100',
        toService: 'SAAD',
        workingDays: '3',
        quotite: '1.5',
        requestDate: '2024-12-05',
        startDate: '2024-12-03',
        volunteer: false,
        dailyCost: '150',
      })
      .set(director)
      .expect(422);
    expect((res.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['quotite', 'startDate']);
    const oneSided = await http()
      .post('/api/budget-transfers')
      .send({ code: 'FONG-X', instrument: 'FONGIBILITE', fromChapter: '65', fromFunction: '423', toChapter: '65', amount: '10', decisionDate: '2024-12-01' })
      .set(finance)
      .expect(422);
    expect(oneSided.body.errors[0].path).toBe('toFunction');
    await http()
      .post('/api/redeployments')
      .send({ agentRef: 'AG-0100', toService: 'NOPE', workingDays: '3', requestDate: '2024-12-02', startDate: '2024-12-03', volunteer: false, dailyCost: '1' })
      .set(director)
      .expect(422);
  });

  it('audits a write and recomputes the indicators through the queue', async () => {
    const before = (await http().get('/api/indicators/reallocation').query({ from: '2024' }).set(director).expect(200)).body;
    const created = await http()
      .post('/api/redeployments')
      .send({
        agentRef: 'AG-0101',
        need: 'BESOIN-PORTAGE-ETE',
        fromService: 'AED',
        toService: 'PORTAGE_REPAS',
        workingDays: '20',
        requestDate: '2024-06-03',
        startDate: '2024-06-04',
        volunteer: true,
        dailyCost: '180',
      })
      .set(director)
      .expect(201);
    expect(created.body).toMatchObject({ agentRef: 'AG-0101', need: 'BESOIN-PORTAGE-ETE', quotite: '1' });
    const ds = await api.db.dataSource();
    const audit = await ds.query(`SELECT action, actor_id FROM audit_log WHERE entity = 'redeployment' AND entity_id = $1`, [created.body.id]);
    expect(audit).toEqual([{ action: 'redeployment.create', actor_id: expect.any(String) }]);
    let after = before;
    for (let i = 0; i < 60 && after.fteDays === before.fteDays; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      after = (await http().get('/api/indicators/reallocation').query({ from: '2024' }).set(director).expect(200)).body;
    }
    expect(after.fteDays).toBe('118.000000');
    // the critical summer need is now fully covered: (60 + 31) / 100
    expect(after.criticalCoverage).toBe('0.910000');
  });

  it('lists with Content-Range and hides another tenant’s records', async () => {
    const res = await http()
      .get('/api/redeployments')
      .query({ sort: JSON.stringify(['startDate', 'ASC']), range: JSON.stringify([0, 4]) })
      .set(admin)
      .expect(200);
    expect(res.headers['content-range']).toMatch(/^redeployments 0-4\/\d+$/);
    expect(res.body[0]).toMatchObject({ agentRef: 'AG-0012', startDate: '2024-01-10' });
    const bellerive = await loginAs(api.app, 'directeur@bellerive.demo');
    await http().get(`/api/redeployments/${res.body[0].id}`).set(bellerive).expect(404);
    await http().delete(`/api/redeployments/${res.body[0].id}`).set(bellerive).expect(404);
    const theirs = await http().get('/api/indicators/reallocation').set(bellerive).expect(200);
    expect(theirs.body.fteDays).toBe('0.000000');
  });
});
