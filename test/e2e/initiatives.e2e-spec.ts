import request from 'supertest';
import type { TestApi } from '../setup/test-app';
import { Auth, demoLogins, startDemoApi } from '../setup/demo-api';
import { createScopedUser } from '../factories/scoped-users.factory';
import { AuditRow, auditRowsOf } from '../factories/audit-rows.factory';

/**
 * Agents' initiatives (PIFPP, issue 18): the register's CRUD with the list conventions, French validation errors,
 * roles (a viewer reads, never writes), tenant and subtree isolation (404), the audit of each write, and the
 * dashboard summary (counts by status, hours and euros summed by PostgreSQL in numeric).
 */
describe('agents’ initiatives (/api/initiatives)', () => {
  let sut: TestApi;
  let director: Auth;
  let finance: Auth;
  let viewer: Auth;
  let bellerive: Auth;
  let north: Auth;
  const http = () => request(sut.app.getHttpServer());
  const audit = async (id: string): Promise<AuditRow[]> => auditRowsOf(await sut.db.dataSource(), 'initiative', id);
  const portage = {
    title: 'Tournée de portage partagée avec la bibliothèque',
    orgUnit: 'VALMONT-NORD',
    team: 'Équipe du portage, antenne nord',
    service: 'PORTAGE_REPAS',
    startDate: '2024-03-01',
    status: 'testing',
    hours: '12.5',
    euros: '350.10',
    itemsLent: 'Un véhicule de service deux demi-journées par semaine',
    results: 'Douze personnes isolées visitées chaque semaine en plus du repas',
    metric: 'beneficiaries',
  };
  let demoRegister: Array<Record<string, unknown>> = [];
  let demoSummary: Record<string, unknown> = {};
  const create = (who: Auth, body: Record<string, unknown>) => http().post('/api/initiatives').send(body).set(who);

  beforeAll(async () => {
    ({ api: sut } = await startDemoApi());
    const ds = await sut.db.dataSource();
    await createScopedUser(ds, 'CCAS de Valmont', 'nord@valmont.test', [['director', 'VALMONT-NORD']]);
    ({ director, finance, viewer, bellerive, north } = await demoLogins(sut, {
      director: 'directeur@valmont.demo',
      finance: 'finance@valmont.demo',
      viewer: 'lecteur@valmont.demo',
      bellerive: 'directeur@bellerive.demo',
      north: 'nord@valmont.test',
    }));
    // the demo's own register (demo-initiatives.ts) is read once, then emptied: the CRUD and sums below start from zero
    demoRegister = (
      await http()
        .get('/api/initiatives')
        .query({ sort: JSON.stringify(['startDate', 'ASC']) })
        .set(viewer)
        .expect(200)
    ).body;
    demoSummary = (await http().get('/api/initiatives/summary').set(viewer).expect(200)).body;
    await ds.query(`DELETE FROM initiative`);
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('the demo seeds five initiatives of Valmont’s teams, one at each stage or more, resources and results in words', async () => {
    expect(demoRegister.map((r) => [r.startDate, r.orgUnitName, r.serviceLabel, r.statusLabel, r.hours, r.euros])).toEqual([
      ['2023-10-02', 'Antenne Valmont Nord', 'Portage de repas à domicile', 'Adoptée', '46', '180.00'],
      ['2023-11-06', 'Antenne Valmont Sud', 'Portage de repas à domicile', 'Abandonnée', '18', '95.50'],
      ['2024-03-04', 'Antenne Valmont Sud', 'Aide à domicile renforcée (SAAD)', 'En test', '120', '0.00'],
      ['2024-05-15', 'Antenne Valmont Nord', 'Aide éducative à domicile (AED)', 'En test', '32.5', '240.00'],
      ['2024-09-02', 'Antenne Valmont Sud', 'Logement d’abord : accompagnement vers et dans le logement', 'Idée', '6', '0.00'],
    ]);
    for (const r of demoRegister) {
      expect(r.team).toMatch(/^(Équipe|Éducateurs)/);
      expect(String(r.results)).toMatch(/\.$/);
    }
    // 46 + 18 + 120 + 32.5 + 6 = 222.5 h; 180 + 95.50 + 0 + 240 + 0 = 515.50 €
    expect(demoSummary).toMatchObject({ count: 5, hours: '222.5', euros: '515.50' });
  });

  it('creates, shows, lists, updates and deletes an initiative: statuses in words, decimals as text, each write audited', async () => {
    const created = await create(director, portage).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      title: portage.title,
      orgUnit: 'VALMONT-NORD',
      orgUnitName: 'Antenne Valmont Nord',
      team: portage.team,
      service: 'PORTAGE_REPAS',
      serviceLabel: 'Portage de repas à domicile',
      startDate: '2024-03-01',
      status: 'testing',
      statusLabel: 'En test',
      hours: '12.5',
      euros: '350.10',
      itemsLent: portage.itemsLent,
      results: portage.results,
      metric: 'beneficiaries',
      metricLabel: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = created.body.id as string;
    expect((await http().get(`/api/initiatives/${id}`).set(viewer).expect(200)).body).toEqual(created.body);

    const list = await http()
      .get('/api/initiatives')
      .query({
        filter: JSON.stringify({ status: 'testing', service: 'PORTAGE_REPAS' }),
        sort: JSON.stringify(['startDate', 'DESC']),
        range: JSON.stringify([0, 9]),
      })
      .set(viewer)
      .expect(200);
    expect(list.headers['content-range']).toBe('initiatives 0-0/1');
    expect(list.body).toEqual([created.body]);
    const many = await http()
      .get('/api/initiatives')
      .query({ filter: JSON.stringify({ id: [id] }) })
      .set(viewer)
      .expect(200);
    expect(many.body.map((r: { id: string }) => r.id)).toEqual([id]);

    const updated = await http()
      .put(`/api/initiatives/${id}`)
      .send({ id, status: 'adopted', service: 'SAAD', orgUnit: 'VALMONT-SUD', hours: '20', metric: null, results: null })
      .set(finance)
      .expect(200);
    expect(updated.body).toMatchObject({
      status: 'adopted',
      statusLabel: 'Adoptée',
      service: 'SAAD',
      serviceLabel: 'Aide à domicile renforcée (SAAD)',
      orgUnit: 'VALMONT-SUD',
      hours: '20',
      euros: '350.10',
      metric: null,
      metricLabel: null,
      results: null,
      title: portage.title,
    });

    // a required field may be left out of an update, never emptied; nothing is half-applied
    const emptied = await http().put(`/api/initiatives/${id}`).send({ title: null, status: 'abandoned' }).set(finance).expect(400);
    expect(emptied.body.errors).toEqual(['title : valeur obligatoire, ne peut pas être vidée']);
    expect((await http().get(`/api/initiatives/${id}`).set(viewer).expect(200)).body.status).toBe('adopted');

    await http().delete(`/api/initiatives/${id}`).set(director).expect(200);
    await http().get(`/api/initiatives/${id}`).set(viewer).expect(404);

    const rows = await audit(id);
    expect(rows.map((r) => r.action)).toEqual(['initiative.create', 'initiative.update', 'initiative.delete']);
    expect(rows[0]).toMatchObject({ before: null, after: expect.objectContaining({ status: 'testing', hours: '12.5', euros: '350.10' }) });
    expect(rows[1]).toMatchObject({
      before: expect.objectContaining({ status: 'testing', service: 'PORTAGE_REPAS' }),
      after: expect.objectContaining({ status: 'adopted', service: 'SAAD', hours: '20' }),
    });
    expect(rows[2]).toMatchObject({ before: expect.objectContaining({ status: 'adopted' }), after: null });
    expect(rows.every((r) => r.actor_id !== null)).toBe(true);
  });

  it('refuses bad input with a 400 in French naming the field and the reason, and writes nothing', async () => {
    const refused = async (body: Record<string, unknown>): Promise<string[]> => {
      const res = await create(director, { ...portage, ...body }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      return res.body.errors as string[];
    };
    expect(await refused({ status: 'draft' })).toEqual([
      'status : statut inconnu : statuts possibles idea (Idée), testing (En test), adopted (Adoptée), abandoned (Abandonnée)',
    ]);
    expect(await refused({ hours: '-3' })).toEqual(['hours : nombre d’heures positif ou nul attendu sous forme de texte, deux décimales au plus (ex. "12.5")']);
    expect(await refused({ euros: 12.5 })).toEqual(expect.arrayContaining(['euros : montant attendu sous forme de texte, avec un point (ex. "350.00")']));
    expect(await refused({ euros: '10.001' })).toEqual(['euros : montant positif ou nul attendu sous forme de texte, au centime près (ex. "350.00")']);
    expect(await refused({ startDate: '01/03/2024' })).toEqual(['startDate : date attendue au format AAAA-MM-JJ']);
    expect(await refused({ startDate: '2024-02-30' })).toEqual(['startDate : « 2024-02-30 » n’est pas un jour du calendrier entre 2000 et 2100']);
    expect(await refused({ title: '' })).toEqual(['title : titre obligatoire']);
    expect(await refused({ service: 'NOPE' })).toEqual(['service : service inconnu « NOPE » : indiquez le code d’un service de l’organisation']);
    expect(await refused({ metric: 'nope' })).toEqual(['metric : métrique inconnue « nope » : indiquez le code d’une métrique de l’organisation, ou rien']);
    expect(await refused({ orgUnit: 'NOWHERE' })).toEqual(['orgUnit : unité inconnue « NOWHERE » : indiquez le code d’une unité de votre périmètre']);
    expect(await refused({ colour: 'red' })).toEqual(['property colour should not exist']);
    expect((await http().get('/api/initiatives').set(viewer).expect(200)).body).toEqual([]);
    await http()
      .get('/api/initiatives')
      .query({ filter: JSON.stringify({ status: 'draft' }) })
      .set(viewer)
      .expect(400);
  });

  it('lets a viewer read but never write (403), in French', async () => {
    const { id } = (await create(director, portage).expect(201)).body;
    const denied = await create(viewer, portage).expect(403);
    expect(denied.body.detail).toMatch(/^Action réservée aux directions financières/);
    await http().put(`/api/initiatives/${id}`).send({ status: 'abandoned' }).set(viewer).expect(403);
    await http().delete(`/api/initiatives/${id}`).set(viewer).expect(403);
    expect((await http().get(`/api/initiatives/${id}`).set(viewer).expect(200)).body.status).toBe('testing');
    await http().delete(`/api/initiatives/${id}`).set(director).expect(200);
  });

  it('hides an initiative from another tenant and another subtree (404), and never files one under their units', async () => {
    const south = (await create(director, { ...portage, orgUnit: 'VALMONT-SUD' }).expect(201)).body;
    const nord = (await create(north, portage).expect(201)).body;
    for (const [who, hidden] of [
      [bellerive, south.id],
      [bellerive, nord.id],
      [north, south.id],
    ] as const) {
      expect((await http().get(`/api/initiatives/${hidden}`).set(who).expect(404)).body.detail).toBe('Initiative introuvable.');
      await http().put(`/api/initiatives/${hidden}`).send({ status: 'abandoned' }).set(who).expect(404);
      await http().delete(`/api/initiatives/${hidden}`).set(who).expect(404);
    }
    expect((await http().get('/api/initiatives').set(bellerive).expect(200)).body).toEqual([]);
    // a unit filter outside the caller's subtree finds nothing (never another subtree's rows, never a 500)
    const outside = await http()
      .get('/api/initiatives')
      .query({ filter: JSON.stringify({ orgUnit: 'VALMONT-SUD' }) })
      .set(north)
      .expect(200);
    expect(outside.body).toEqual([]);
    expect(outside.headers['content-range']).toBe('initiatives 0-0/0');
    expect((await http().get('/api/initiatives').set(north).expect(200)).body.map((r: { id: string }) => r.id)).toEqual([nord.id]);
    // Valmont's units are unknown to Bellerive, and the southern antenna to the northern director: a 400, like a typo
    await create(bellerive, { ...portage, service: 'SAAD' }).expect(400);
    await create(north, { ...portage, orgUnit: 'VALMONT-SUD' }).expect(400);
    await http().put(`/api/initiatives/${nord.id}`).send({ orgUnit: 'VALMONT-SUD' }).set(north).expect(400);
    expect((await http().get(`/api/initiatives/${south.id}`).set(director).expect(200)).body.status).toBe('testing');
    await http().delete(`/api/initiatives/${south.id}`).set(director).expect(200);
    await http().delete(`/api/initiatives/${nord.id}`).set(north).expect(200);
  });

  it('summarises initiatives by status in words and the resources mobilised, summed exactly, over a unit’s subtree', async () => {
    await create(director, { ...portage, hours: '0.1', euros: '0.10' }).expect(201);
    await create(director, { ...portage, status: 'idea', hours: '0.2', euros: '0.20' }).expect(201);
    await create(director, { ...portage, orgUnit: 'VALMONT-SUD', status: 'adopted', hours: '7', euros: '1000' }).expect(201);
    await create(bellerive, { ...portage, orgUnit: 'BELLERIVE', service: 'SAAD', metric: null, hours: '99', euros: '99' }).expect(201);

    const all = await http().get('/api/initiatives/summary').set(viewer).expect(200);
    // 0.1 + 0.2 + 7 = 7.3 h exactly (no float: 0.1 + 0.2 ≠ 0.3 in binary); 0.10 + 0.20 + 1000 = 1000.30 €
    expect(all.body).toEqual({
      byStatus: [
        { status: 'idea', label: 'Idée', count: 1 },
        { status: 'testing', label: 'En test', count: 1 },
        { status: 'adopted', label: 'Adoptée', count: 1 },
        { status: 'abandoned', label: 'Abandonnée', count: 0 },
      ],
      count: 3,
      hours: '7.3',
      euros: '1000.30',
    });
    const nordOnly = await http().get('/api/initiatives/summary').query({ orgUnit: 'VALMONT-NORD' }).set(viewer).expect(200);
    expect(nordOnly.body).toMatchObject({ count: 2, hours: '0.3', euros: '0.30' });
    expect((await http().get('/api/initiatives/summary').set(north).expect(200)).body).toMatchObject({ count: 2, hours: '0.3' });
    await http().get('/api/initiatives/summary').query({ orgUnit: 'VALMONT-SUD' }).set(north).expect(404);
    await http().get('/api/initiatives/summary').query({ orgUnit: 'VALMONT' }).set(bellerive).expect(404);
    expect((await http().get('/api/initiatives/summary').set(bellerive).expect(200)).body).toMatchObject({ count: 1, hours: '99', euros: '99.00' });
  });
});
