import request from 'supertest';
import { loginAs } from '../setup/demo-session';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';

/** Fake only `Date` (jest's modern fake timers), so that "now" is under the test's control and nothing else stops. */
type FakeTimersConfig = Extract<NonNullable<Parameters<typeof jest.useFakeTimers>[0]>, { doNotFake?: unknown }>;
const DATE_ONLY: NonNullable<FakeTimersConfig['doNotFake']> = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
];

describe('report subscriptions API', () => {
  let api: TestApi;
  let director: { Authorization: string };
  let viewer: { Authorization: string };
  let bellerive: { Authorization: string };
  const http = () => request(api.app.getHttpServer());
  const valid = { name: 'Bureau du CCAS', recipients: ['Directeur@Valmont.demo', 'elu@mairie-valmont.test'], orgUnits: ['VALMONT'], schedule: '0 8 1 * *' };

  beforeAll(async () => {
    ({ api: api } = await startDemoApi());
    [director, viewer, bellerive] = await Promise.all([
      loginAs(api.app, 'directeur@valmont.demo'),
      loginAs(api.app, 'lecteur@valmont.demo'),
      loginAs(api.app, 'directeur@bellerive.demo'),
    ]);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('creates a subscription with defaults, lists it with Content-Range, reads and updates it', async () => {
    const created = await http().post('/api/report-subscriptions').set(director).send(valid).expect(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Bureau du CCAS',
      recipients: ['directeur@valmont.demo', 'elu@mairie-valmont.test'],
      orgUnits: ['VALMONT'],
      services: [],
      schedule: '0 8 1 * *',
      timezone: 'Europe/Paris',
      language: 'fr',
      formats: ['pdf', 'xlsx'],
      active: true,
      nextRunAt: expect.any(String),
    });
    const list = await http().get('/api/report-subscriptions').query({ range: '[0,9]', sort: '["name","ASC"]' }).set(director).expect(200);
    expect(list.headers['content-range']).toBe('report-subscriptions 0-0/1');
    const updated = await http()
      .put(`/api/report-subscriptions/${created.body.id}`)
      .set(director)
      .send({ ...created.body, formats: ['csv'], schedule: '30 7 * * 1' })
      .expect(200);
    expect(updated.body).toMatchObject({ formats: ['csv'], schedule: '30 7 * * 1' });
    const [{ count }] = await (
      await api.db.dataSource()
    ).query(`SELECT count(*)::int AS count FROM audit_log WHERE entity = 'report_subscription' AND entity_id = $1`, [created.body.id]);
    expect(count).toBe(2);
  });

  it.each([
    ['a recipient that is not an email', { recipients: ['pas-une-adresse'] }, /adresse e-mail valide/],
    ['no recipient', { recipients: [] }, /au moins un destinataire/],
    ['an invalid cron', { schedule: '61 8 1 * *' }, /planification/],
    ['a cron with too few fields', { schedule: '0 8 1' }, /5 champs/],
    ['an unknown format', { formats: ['docx'] }, /csv, xlsx, pdf/],
    ['an unknown language', { language: 'de' }, /fr ou en/],
    ['no org unit', { orgUnits: [] }, /au moins une unité/],
    ['an unknown field', { owner: 'moi' }, /owner/],
  ])('answers 400 problem+json in French for %s', async (_label, patch, message) => {
    const res = await http()
      .post('/api/report-subscriptions')
      .set(director)
      .send({ ...valid, ...patch })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Requête invalide' });
    expect(JSON.stringify(res.body.errors)).toMatch(message);
  });

  it('answers 404 for an org unit or a service that is not the caller’s', async () => {
    const unit = await http()
      .post('/api/report-subscriptions')
      .set(director)
      .send({ ...valid, orgUnits: ['BELLERIVE'] })
      .expect(404);
    expect(unit.body.detail).toBe('Unité « BELLERIVE » introuvable.');
    await http()
      .post('/api/report-subscriptions')
      .set(director)
      .send({ ...valid, services: ['INCONNU'] })
      .expect(404);
  });

  it('lets a viewer neither create nor list subscriptions (403)', async () => {
    const res = await http().post('/api/report-subscriptions').set(viewer).send(valid).expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    await http().get('/api/report-subscriptions').set(viewer).expect(403);
  });

  it('accepts "send now" with 202, one delivery per recipient, idempotent within the minute', async () => {
    const { body } = await http().post('/api/report-subscriptions').set(director).send(valid).expect(201);
    const deliveriesRange = async (): Promise<string> =>
      (
        await http()
          .get('/api/report-deliveries')
          .query({ filter: JSON.stringify({ subscriptionId: body.id }) })
          .set(director)
          .expect(200)
      ).headers['content-range'] as string;
    // the clock (Date only: timers, I/O and the database run as usual) is frozen so both sends fall in the same minute
    jest.useFakeTimers({ now: new Date(), doNotFake: DATE_ONLY });
    try {
      const sent = await http().post(`/api/report-subscriptions/${body.id}/send`).set(director).send({ period: '2024-12' }).expect(202);
      expect(sent.body).toMatchObject({ subscriptionId: body.id, period: '2024-12', runKey: expect.stringMatching(/^preview-\d{12}$/), recipients: 2 });
      const log = await http()
        .get('/api/report-deliveries')
        .query({ filter: JSON.stringify({ subscriptionId: body.id }) })
        .set(director)
        .expect(200);
      expect(log.headers['content-range']).toBe('report-deliveries 0-1/2');
      expect(log.body[0]).toMatchObject({ subscriptionName: 'Bureau du CCAS', period: '2024-12', preview: true });
      // same minute: the same two deliveries (their jobs have deterministic ids), nothing new
      const again = await http().post(`/api/report-subscriptions/${body.id}/send`).set(director).send({ period: '2024-12' }).expect(202);
      expect(again.body.runKey).toBe(sent.body.runKey);
      expect(await deliveriesRange()).toBe('report-deliveries 0-1/2');
      // a minute later: a new preview run, two more deliveries
      jest.setSystemTime(Date.now() + 60_000);
      const later = await http().post(`/api/report-subscriptions/${body.id}/send`).set(director).send({ period: '2024-12' }).expect(202);
      expect(later.body.runKey).not.toBe(sent.body.runKey);
      expect(await deliveriesRange()).toBe('report-deliveries 0-3/4');
    } finally {
      jest.useRealTimers();
    }
    const defaulted = await http().post(`/api/report-subscriptions/${body.id}/send`).set(director).send({}).expect(202);
    // seedDemo computes the demo's read model: the default is its latest computed month
    expect(defaulted.body.period).toBe('2024-12');
    await http().post(`/api/report-subscriptions/${body.id}/send`).set(director).send({ period: '2024-13' }).expect(400);
  });

  it('previews a year-to-date report titled as such, public money first, households apart, never the M57 « épargne brute / nette »', async () => {
    const { body } = await http()
      .post('/api/report-subscriptions')
      .set(director)
      .send({ ...valid, name: 'Cumul annuel', periodCovered: 'year_to_date' })
      .expect(201);
    const preview = await http().get(`/api/report-subscriptions/${body.id}/preview`).query({ period: '2024-11' }).set(director).expect(200);
    expect(preview.body.subject).toBe('[Aperçu] Levier — Cumul annuel — cumul de l’année 2024 à fin novembre — CCAS de Valmont');
    const html = preview.body.html as string;
    // the comparison column: the same months of the year before
    expect(html).toContain('cumul de l’année 2023 à fin novembre');
    // 2024 is under the demo's method 2 (conventions 2): the public payers' net comes first, households apart
    const publicNet = html.indexOf('Finances publiques : épargne médico-sociale nette');
    expect(publicNet).toBeGreaterThan(-1);
    expect(publicNet).toBeLessThan(html.indexOf('Tous payeurs, ménages compris'));
    expect(html.indexOf('Tous payeurs, ménages compris')).toBeLessThan(html.indexOf('Coûts évités (bruts)'));
    expect(html).toContain('À part, ménages (usagers) : épargne médico-sociale nette');
    expect(html).not.toMatch(/[ée]pargne (brute|nette)/i);
  });

  it('previews a month without data as « non disponible », never 0,00 € nor a change from zero', async () => {
    const { body } = await http()
      .post('/api/report-subscriptions')
      .set(director)
      .send({ ...valid, name: 'Mensuel' })
      .expect(201);
    // the demo holds 2023 and 2024: February 2025 and January 2025 have no figure
    const preview = await http().get(`/api/report-subscriptions/${body.id}/preview`).query({ period: '2025-02' }).set(director).expect(200);
    const html = preview.body.html as string;
    expect(html).toContain('Aucune donnée calculée pour février 2025 sur ce périmètre');
    expect(html).toContain('non disponible');
    expect(html).not.toMatch(/(^|[^0-9\u00a0 ])0,00\u00a0€/);
    expect(html).not.toMatch(/\+[0-9\u00a0]+,[0-9]{2}\u00a0€/);
  });

  it('hides another tenant’s subscription: 404 to read, update, send or delete', async () => {
    const { body } = await http().post('/api/report-subscriptions').set(director).send(valid).expect(201);
    await http().get(`/api/report-subscriptions/${body.id}`).set(bellerive).expect(404);
    await http().put(`/api/report-subscriptions/${body.id}`).set(bellerive).send({ name: 'pris' }).expect(404);
    await http().post(`/api/report-subscriptions/${body.id}/send`).set(bellerive).send({}).expect(404);
    await http().delete(`/api/report-subscriptions/${body.id}`).set(bellerive).expect(404);
    await http().get('/api/report-subscriptions/pas-un-uuid').set(director).expect(404);
    const theirs = await http().get('/api/report-subscriptions').set(bellerive).expect(200);
    expect(theirs.body).toEqual([]);
    const deliveries = await http().get('/api/report-deliveries').set(bellerive).expect(200);
    expect(deliveries.body).toEqual([]);
    await http().delete(`/api/report-subscriptions/${body.id}`).set(director).expect(200);
    await http().get(`/api/report-subscriptions/${body.id}`).set(director).expect(404);
  });

  it('answers 400 with a French page for a forged unsubscribe link, without authentication', async () => {
    const res = await http().get('/api/report-subscriptions/unsubscribe').query({ token: 'eyJvIjoiMSJ9.faux' }).expect(400);
    expect(res.text).toContain('Lien invalide');
    await http().get('/api/report-subscriptions/unsubscribe').expect(400);
  });
});
