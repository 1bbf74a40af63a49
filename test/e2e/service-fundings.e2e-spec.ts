import request from 'supertest';
import { JobProducer } from '../../apps/api/src/platform/queue/job-producer';
import type { TestApi } from '../setup/test-app';
import { Auth, demoLogins, startDemoApi } from '../setup/demo-api';
import { createScopedUser } from '../factories/scoped-users.factory';
import { AuditRow, auditRowsOf } from '../factories/audit-rows.factory';

describe('service fundings (who pays each service’s spend, per year)', () => {
  let sut: TestApi;
  let valmontId: string;
  let admin: Auth;
  let finance: Auth;
  let director: Auth;
  let reader: Auth;
  let bellerive: Auth;
  const http = () => request(sut.app.getHttpServer());
  const audit = async (id: string): Promise<AuditRow[]> => auditRowsOf(await sut.db.dataSource(), 'service_funding', id);
  const saad2027 = {
    service: 'SAAD',
    year: 2027,
    shares: { USAGER: '0.25', DEPARTEMENT: '0.55', COMMUNE_CCAS: '0.10', CAISSES_RETRAITE: '0.10' },
    note: 'Prévision',
  };

  beforeAll(async () => {
    ({ api: sut, valmontId } = await startDemoApi());
    // Bellerive's demo accounts cannot write plans: give it a finance account, so its writes reach the tenant check
    await createScopedUser(await sut.db.dataSource(), 'CCAS de Bellerive', 'finance@bellerive.test', [['finance', null]], 'Finances Bellerive');
    ({ admin, finance, director, reader, bellerive } = await demoLogins(sut, {
      admin: 'admin@valmont.demo',
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

  it('lists the demo plans with the service label, filtered by service and year, with Content-Range', async () => {
    const res = await http()
      .get('/api/service-fundings')
      .query({ filter: JSON.stringify({ service: 'SAAD' }), sort: JSON.stringify(['year', 'ASC']), range: JSON.stringify([0, 1]) })
      .set(reader)
      .expect(200);
    expect(res.headers['content-range']).toBe('service-fundings 0-1/4');
    expect(res.body.map((r: { year: number }) => r.year)).toEqual([2023, 2024]);
    expect(res.body[1]).toEqual({
      id: expect.any(String),
      service: 'SAAD',
      serviceLabel: 'Aide à domicile renforcée (SAAD)',
      year: 2024,
      shares: { COMMUNE_CCAS: '0.1', DEPARTEMENT: '0.55', CAISSES_RETRAITE: '0.1', USAGER: '0.25' },
      note: expect.stringMatching(/APA et PCH/),
      updatedAt: expect.any(String),
    });
    const byYear = await http()
      .get('/api/service-fundings')
      .query({ filter: JSON.stringify({ year: 2024 }), sort: JSON.stringify(['service', 'ASC']) })
      .set(reader)
      .expect(200);
    expect(byYear.body.map((r: { serviceLabel: string }) => r.serviceLabel)).toEqual([
      'Aide à domicile renforcée (SAAD)',
      'Aide éducative à domicile (AED)',
      'Logement d’abord : accompagnement vers et dans le logement',
      'Portage de repas à domicile',
    ]);
    expect(byYear.headers['content-range']).toBe('service-fundings 0-3/4');
    // react-admin's getMany: filter by ids
    const many = await http()
      .get('/api/service-fundings')
      .query({ filter: JSON.stringify({ id: [res.body[0].id] }) })
      .set(reader)
      .expect(200);
    expect(many.body).toEqual([res.body[0]]);
    await http()
      .get('/api/service-fundings')
      .query({ filter: JSON.stringify({ id: ['pas-un-uuid'] }) })
      .set(reader)
      .expect(400);
  });

  it('creates, shows, updates and deletes a plan: a full round trip, each write audited with before and after', async () => {
    const created = await http().post('/api/service-fundings').send(saad2027).set(finance).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      service: 'SAAD',
      serviceLabel: 'Aide à domicile renforcée (SAAD)',
      year: 2027,
      // canonical payer order, plain decimals
      shares: { COMMUNE_CCAS: '0.1', DEPARTEMENT: '0.55', CAISSES_RETRAITE: '0.1', USAGER: '0.25' },
      note: 'Prévision',
      updatedAt: expect.any(String),
    });
    const id = created.body.id as string;
    expect((await http().get(`/api/service-fundings/${id}`).set(reader).expect(200)).body).toEqual(created.body);

    const updated = await http()
      .put(`/api/service-fundings/${id}`)
      .send({ id, shares: { DEPARTEMENT: '0.6', USAGER: '0.4' }, note: null })
      .set(admin)
      .expect(200);
    expect(updated.body).toMatchObject({ service: 'SAAD', year: 2027, shares: { DEPARTEMENT: '0.6', USAGER: '0.4' }, note: null });

    await http().delete(`/api/service-fundings/${id}`).set(finance).expect(200);
    await http().get(`/api/service-fundings/${id}`).set(reader).expect(404);

    const rows = await audit(id);
    expect(rows.map((r) => r.action)).toEqual(['service_funding.create', 'service_funding.update', 'service_funding.delete']);
    expect(rows[0]).toMatchObject({ before: null, after: expect.objectContaining({ year: 2027, shares: created.body.shares, note: 'Prévision' }) });
    expect(rows[1]).toMatchObject({
      before: expect.objectContaining({ shares: created.body.shares, note: 'Prévision' }),
      after: expect.objectContaining({ shares: { DEPARTEMENT: '0.6', USAGER: '0.4' }, note: null }),
    });
    expect(rows[2]).toMatchObject({ before: expect.objectContaining({ shares: { DEPARTEMENT: '0.6', USAGER: '0.4' } }), after: null });
    expect(rows.every((r) => r.actor_id !== null)).toBe(true);
  });

  it('schedules one de-duplicated full recompute of the organisation after a write', async () => {
    await http()
      .post('/api/service-fundings')
      .send({ ...saad2027, year: 2028 })
      .set(finance)
      .expect(201);
    const jobs = await sut.app.get(JobProducer).queue('indicators').getJobs(['delayed', 'waiting']);
    expect(jobs.map((j) => ({ name: j.name, data: j.data as unknown }))).toContainEqual({
      name: 'recompute',
      data: { organisationId: valmontId, periods: [] },
    });
  });

  it('refuses shares that do not sum to 1, in French, naming the field and the sum', async () => {
    const res = await http()
      .post('/api/service-fundings')
      .send({ service: 'AED', year: 2029, shares: { DEPARTEMENT: '0.6', USAGER: '0.35' } })
      .set(finance)
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual(['shares : La somme des parts doit être égale à 1 (actuellement 0,95)']);
  });

  it('refuses an unknown payer, a share outside [0, 1], an empty map, a float and a year out of range', async () => {
    const post = (body: Record<string, unknown>) =>
      http()
        .post('/api/service-fundings')
        .send({ service: 'AED', year: 2029, ...body })
        .set(finance)
        .expect(400);
    const unknown = await post({ shares: { MUTUELLE: '0.5', USAGER: '0.5' } });
    expect(unknown.body.errors[0]).toMatch(/^shares : payeur inconnu « MUTUELLE » : payeurs possibles COMMUNE_CCAS, DEPARTEMENT/);
    expect((await post({ shares: { USAGER: '1.2', ETAT: '-0.2' } })).body.errors[0]).toMatch(
      /shares : la part de USAGER doit être comprise entre 0 et 1 \(reçu 1,2\)/,
    );
    expect((await post({ shares: {} })).body.errors[0]).toBe('shares : au moins un payeur attendu : les parts doivent totaliser 1');
    expect((await post({ shares: { USAGER: 1 } })).body.errors[0]).toMatch(/shares : la part de USAGER doit être un nombre décimal écrit comme texte/);
    expect((await post({ year: 1999, shares: { USAGER: '1' } })).body.errors).toEqual(['year : année comprise entre 2000 et 2100 attendue']);
  });

  it('refuses an unknown service (400) and a second plan for the same service and year (409), in French', async () => {
    const unknown = await http()
      .post('/api/service-fundings')
      .send({ service: 'NOPE', year: 2024, shares: { USAGER: '1' } })
      .set(finance)
      .expect(400);
    expect(unknown.body.errors).toEqual(['service : service inconnu « NOPE » : indiquez le code d’un service de l’organisation']);
    const duplicate = await http()
      .post('/api/service-fundings')
      .send({ service: 'AED', year: 2024, shares: { DEPARTEMENT: '1' } })
      .set(finance)
      .expect(409);
    expect(duplicate.body.detail).toBe('Le service AED a déjà un plan de financement pour 2024 : modifiez-le plutôt que d’en créer un second.');
  });

  it('lets every member read and only admin and finance write (403 for director and viewer)', async () => {
    const [row] = (await http().get('/api/service-fundings').set(director).expect(200)).body;
    for (const who of [director, reader]) {
      await http()
        .post('/api/service-fundings')
        .send({ service: 'AED', year: 2030, shares: { DEPARTEMENT: '1' } })
        .set(who)
        .expect(403);
      await http().put(`/api/service-fundings/${row.id}`).send({ note: 'x' }).set(who).expect(403);
      await http().delete(`/api/service-fundings/${row.id}`).set(who).expect(403);
    }
    expect((await http().get(`/api/service-fundings/${row.id}`).set(reader).expect(200)).body.note).toBe(row.note);
  });

  it('hides a plan from another tenant (404 on read, write and delete) and never funds another tenant’s service', async () => {
    const [row] = (await http().get('/api/service-fundings').set(reader).expect(200)).body;
    const notFound = await http().get(`/api/service-fundings/${row.id}`).set(bellerive).expect(404);
    expect(notFound.body.detail).toBe('Plan de financement introuvable.');
    await http()
      .put(`/api/service-fundings/${row.id}`)
      .send({ shares: { USAGER: '1' } })
      .set(bellerive)
      .expect(404);
    await http().delete(`/api/service-fundings/${row.id}`).set(bellerive).expect(404);
    expect((await http().get('/api/service-fundings').set(bellerive).expect(200)).body).toEqual([]);
    // AED exists only at Valmont: for Bellerive it is an unknown service
    await http()
      .post('/api/service-fundings')
      .send({ service: 'AED', year: 2024, shares: { DEPARTEMENT: '1' } })
      .set(bellerive)
      .expect(400);
    // SAAD 2024 exists at Valmont; Bellerive's own SAAD gets a plan of its own, invisible to Valmont
    const own = await http()
      .post('/api/service-fundings')
      .send({ service: 'SAAD', year: 2024, shares: { USAGER: '1' } })
      .set(bellerive)
      .expect(201);
    await http().get(`/api/service-fundings/${own.body.id}`).set(reader).expect(404);
    expect((await http().get(`/api/service-fundings/${row.id}`).set(reader).expect(200)).body).toEqual(row);
  });
});
