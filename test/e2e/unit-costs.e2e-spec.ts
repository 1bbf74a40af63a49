import request from 'supertest';
import { JobProducer } from '../../apps/api/src/platform/queue/job-producer';
import { REFERENCE_UNIT_COSTS } from '../../apps/api/src/methodology/reference-unit-costs';
import { DEMO_SUBSTITUTION_UNIT_COSTS } from '../../apps/api/src/demo/demo-methods';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';

type Auth = { Authorization: string };
interface UnitCostBody {
  id: string;
  code: string;
  amount: string;
  amountLow: string | null;
  amountHigh: string | null;
  note: string | null;
  sourceUrl: string | null;
}

/** Unit-cost ranges (amountLow / amountHigh) and notes over HTTP: validation in French, round trip, tenant isolation. */
describe('unit costs: ranges and notes', () => {
  let api: TestApi;
  let admin: Auth;
  let reader: Auth;
  let bellerive: Auth;
  const http = () => request(api.app.getHttpServer());
  const base = {
    label: 'Journée test',
    unit: 'jour',
    amount: '100',
    priceYear: 2024,
    payers: { DEPARTEMENT: '1' },
    sourceTitle: 'Tarif local',
    sourcePublisher: 'CCAS',
  };
  const byCode = async (code: string, auth: Auth): Promise<UnitCostBody[]> =>
    (
      await http()
        .get('/api/unit-costs')
        .query({ filter: JSON.stringify({ code }) })
        .set(auth)
        .expect(200)
    ).body as UnitCostBody[];

  beforeAll(async () => {
    ({ api: api } = await startDemoApi());
    admin = await loginAs(api.app, 'admin@valmont.demo');
    reader = await loginAs(api.app, 'lecteur@valmont.demo');
    bellerive = await loginAs(api.app, 'directeur@bellerive.demo');
  });
  afterAll(async () => {
    await api?.app.get(JobProducer).queue('indicators').obliterate({ force: true });
    await api?.close();
  });

  it('serves the seeded reference library with its ranges, notes and source links', async () => {
    const [ehpad] = await byCode('JOURNEE_EHPAD', reader);
    expect(ehpad).toMatchObject({ amount: '101', amountLow: '93.56', amountHigh: '112.85', priceYear: 2013, sourcePublisher: 'ATIH' });
    expect(ehpad.sourceUrl).toMatch(/^https:\/\//);
    expect(ehpad.note).toMatch(/34 150/);
    const [hour] = await byCode('HEURE_AIDE_DOMICILE_2024', reader);
    expect(hour).toMatchObject({ amount: '23.5', amountLow: null, amountHigh: null, sourceUrl: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000048798043' });
    const all = await http()
      .get('/api/unit-costs')
      .query({ range: JSON.stringify([0, 99]) })
      .set(reader)
      .expect(200);
    expect(all.body).toHaveLength(REFERENCE_UNIT_COSTS.length + DEMO_SUBSTITUTION_UNIT_COSTS.length);
    expect((all.body as UnitCostBody[]).every((u) => u.sourceUrl !== null || /source non retrouvée/.test(u.note ?? ''))).toBe(true);
  });

  it('round-trips a range and a note through create, read and update', async () => {
    const created = await http()
      .post('/api/unit-costs')
      .send({ ...base, code: 'RANGE_OK', amountLow: '80.5', amountHigh: '120', note: 'Bornes : tarifs 2024 de deux foyers voisins.' })
      .set(admin)
      .expect(201);
    expect(created.body).toMatchObject({ amount: '100', amountLow: '80.5', amountHigh: '120', note: 'Bornes : tarifs 2024 de deux foyers voisins.' });
    const read = await http().get(`/api/unit-costs/${created.body.id}`).set(reader).expect(200);
    expect(read.body).toMatchObject({ amountLow: '80.5', amountHigh: '120' });
    // react-admin sends the whole record back: moving the amount inside the range and clearing the note is fine
    const updated = await http()
      .put(`/api/unit-costs/${created.body.id}`)
      .send({ ...read.body, amount: '110', note: null })
      .set(admin)
      .expect(200);
    expect(updated.body).toMatchObject({ amount: '110', amountLow: '80.5', amountHigh: '120', note: null });
    // removing the range: both bounds at once
    const cleared = await http().put(`/api/unit-costs/${created.body.id}`).send({ amountLow: null, amountHigh: null }).set(admin).expect(200);
    expect(cleared.body).toMatchObject({ amountLow: null, amountHigh: null });
    const ds = await api.db.dataSource();
    const audit = await ds.query(`SELECT after FROM audit_log WHERE entity = 'unit_cost' AND entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(audit[0].after).toMatchObject({ amountLow: '80.5', amountHigh: '120' });
    expect(audit[2].after).toMatchObject({ amountLow: null, amountHigh: null });
  });

  it('rejects a bound that is not a decimal, naming the field in French', async () => {
    const res = await http()
      .post('/api/unit-costs')
      .send({ ...base, code: 'RANGE_BAD_DECIMAL', amountLow: '80,5', amountHigh: '120' })
      .set(admin)
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(res.body)).toMatch(/amountLow : nombre décimal attendu/);
  });

  it.each([
    ['only a low bound', { amountLow: '80' }, 'amountHigh', /amountHigh : le montant haut est requis/],
    ['only a high bound', { amountHigh: '120' }, 'amountLow', /amountLow : le montant bas est requis/],
    [
      'a low bound above the amount',
      { amountLow: '101', amountHigh: '120' },
      'amountLow',
      /amountLow : le montant bas \(101\) doit être inférieur ou égal au montant \(100\)/,
    ],
    [
      'a high bound below the amount',
      { amountLow: '80', amountHigh: '99.9' },
      'amountHigh',
      /amountHigh : le montant haut \(99\.9\) doit être supérieur ou égal au montant \(100\)/,
    ],
  ])('rejects %s with a 422 at the field', async (_what, range, path, message) => {
    const res = await http()
      .post('/api/unit-costs')
      .send({ ...base, code: `RANGE_${path.toUpperCase()}`, ...range })
      .set(admin)
      .expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('checks the range against the stored row on a partial update (amount moved out of it)', async () => {
    const created = await http()
      .post('/api/unit-costs')
      .send({ ...base, code: 'RANGE_PARTIAL', amountLow: '90', amountHigh: '110' })
      .set(admin)
      .expect(201);
    const res = await http().put(`/api/unit-costs/${created.body.id}`).send({ amount: '150' }).set(admin).expect(422);
    expect(res.body.errors).toEqual([{ path: 'amountHigh', message: expect.stringMatching(/amountHigh : le montant haut \(110\)/) }]);
    expect((await byCode('RANGE_PARTIAL', admin))[0]).toMatchObject({ amount: '100', amountLow: '90', amountHigh: '110' });
  });

  it('keeps ranges behind tenant isolation and admin-only writes', async () => {
    const [ehpad] = await byCode('JOURNEE_EHPAD', admin);
    await http().get(`/api/unit-costs/${ehpad.id}`).set(bellerive).expect(404);
    await http().put(`/api/unit-costs/${ehpad.id}`).send({ amountLow: '1', amountHigh: '500' }).set(bellerive).expect(403);
    await http().put(`/api/unit-costs/${ehpad.id}`).send({ amountLow: '1', amountHigh: '500' }).set(reader).expect(403);
    await http()
      .post('/api/unit-costs')
      .send({ ...base, code: 'RANGE_READER', amountLow: '90', amountHigh: '110' })
      .set(reader)
      .expect(403);
    // Bellerive's own copy of the library is untouched and separate
    const [theirs] = await byCode('JOURNEE_EHPAD', bellerive);
    expect(theirs.id).not.toBe(ehpad.id);
    expect(theirs).toMatchObject({ amountLow: '93.56', amountHigh: '112.85' });
  });
});
