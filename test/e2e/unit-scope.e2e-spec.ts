import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { createTestApi, TestApi } from '../setup/test-app';
import { loginAs } from '../setup/demo-session';
import { createScopedUser } from '../factories/scoped-users.factory';

type Auth = { Authorization: string };
type Row = { id: string; orgUnit: string };

/**
 * Roles held on an org-unit subtree (docs/product-rules.md#access-and-security): a finance user whose role covers only VALMONT-NORD reads and writes
 * the figures and periods of that antenna only, and sees only their own submissions. The demo seed has
 * organisation-wide roles only, so the subtree users are created here.
 */
describe('roles on an org-unit subtree: figures, periods, submissions', () => {
  let api: TestApi;
  let finance: Auth;
  /** finance on VALMONT-NORD only */
  let nord: Auth;
  let nordUserId: string;
  /** viewer of the whole organisation + finance on VALMONT-NORD: sees VALMONT-SUD, may not write it */
  let mixed: Auth;
  const http = () => request(api.app.getHttpServer());
  const filter = (f: Record<string, unknown>) => ({ filter: JSON.stringify(f) });
  const figureOf = async (orgUnit: string): Promise<Row & { value: string }> =>
    (
      await http()
        .get('/api/figures')
        .query(filter({ orgUnit, service: 'SAAD', metric: 'spend', period: '2024-11' }))
        .set(finance)
        .expect(200)
    ).body[0];

  beforeAll(async () => {
    api = await createTestApi();
    const ds = await api.db.dataSource();
    await seedDemo(ds);
    nordUserId = await createScopedUser(ds, 'CCAS de Valmont', 'finance-nord@valmont.test', [['finance', 'VALMONT-NORD']]);
    await createScopedUser(ds, 'CCAS de Valmont', 'mixte@valmont.test', [
      ['viewer', null],
      ['finance', 'VALMONT-NORD'],
    ]);
    [finance, nord, mixed] = await Promise.all(['finance@valmont.demo', 'finance-nord@valmont.test', 'mixte@valmont.test'].map((e) => loginAs(api.app, e)));
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists only the figures of the units under the role, with a total to match', async () => {
    const all = await http().get('/api/figures').set(finance).expect(200);
    const mine = await http()
      .get('/api/figures')
      .query({ sort: JSON.stringify(['orgUnit', 'DESC']), range: JSON.stringify([0, 999]) })
      .set(nord)
      .expect(200);
    const total = (res: request.Response): number => Number(String(res.headers['content-range']).split('/')[1]);
    expect(total(mine)).toBeGreaterThan(0);
    expect(total(mine)).toBeLessThan(total(all));
    expect(new Set(mine.body.map((f: Row) => f.orgUnit))).toEqual(new Set(['VALMONT-NORD']));
    const sud = await http()
      .get('/api/figures')
      .query(filter({ orgUnit: 'VALMONT-SUD' }))
      .set(nord)
      .expect(200);
    expect(sud.body).toEqual([]);
    expect(sud.headers['content-range']).toBe('figures 0-0/0');
  });

  it('answers 404 for another unit’s figure (GET and PUT), and lets the user correct its own', async () => {
    const sud = await figureOf('VALMONT-SUD');
    const own = await figureOf('VALMONT-NORD');
    const hidden = await http().get(`/api/figures/${sud.id}`).set(nord).expect(404);
    expect(hidden.body.detail).toBe('Chiffre introuvable.');
    await http().put(`/api/figures/${sud.id}`).set(nord).send({ value: '1234', reason: 'Essai hors périmètre' }).expect(404);
    await http().get(`/api/figures/${own.id}`).set(nord).expect(200);
    const saved = await http().put(`/api/figures/${own.id}`).set(nord).send({ value: '4321.50', reason: 'Facture corrigée' }).expect(200);
    expect(saved.body).toMatchObject({ id: own.id, orgUnit: 'VALMONT-NORD', value: '4321.50', source: 'form' });
    expect((await http().get(`/api/figures/${sud.id}`).set(finance).expect(200)).body.value).toBe(sud.value);
  });

  it('answers 403 with a French reason when the unit is visible but the writer role is held elsewhere', async () => {
    const sud = await figureOf('VALMONT-SUD');
    await http().get(`/api/figures/${sud.id}`).set(mixed).expect(200);
    const refused = await http().put(`/api/figures/${sud.id}`).set(mixed).send({ value: '1234' }).expect(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.detail).toMatch(/Correction refusée : il faut le rôle finance ou admin sur l’unité VALMONT-SUD/);
    const own = await figureOf('VALMONT-NORD');
    await http().put(`/api/figures/${own.id}`).set(mixed).send({ value: '4400' }).expect(200);
  });

  it('refuses period actions outside the subtree, allows them inside, and lists only its units’ periods', async () => {
    await http().post('/api/periods/submit').set(finance).send({ orgUnit: 'VALMONT-SUD', period: '2024-12' }).expect(200);
    for (const action of ['submit', 'approve', 'reopen']) {
      for (const orgUnit of ['VALMONT-SUD', 'VALMONT']) {
        const res = await http().post(`/api/periods/${action}`).set(nord).send({ orgUnit, period: '2024-12', reason: 'Essai hors périmètre' }).expect(400);
        expect(res.body.detail).toBe(`Unité « ${orgUnit} » inconnue : indiquez le code d’une unité de l’organisation.`);
      }
    }
    const forbidden = await http().post('/api/periods/approve').set(mixed).send({ orgUnit: 'VALMONT-SUD', period: '2024-12' }).expect(403);
    expect(forbidden.body.detail).toMatch(/Action refusée : il faut le rôle finance ou admin sur l’unité VALMONT-SUD/);
    await http().post('/api/periods/approve').set(mixed).send({ orgUnit: 'VALMONT', period: '2024-12' }).expect(403);

    const target = { orgUnit: 'VALMONT-NORD', period: '2024-12' };
    const submitted = await http().post('/api/periods/submit').set(nord).send(target).expect(200);
    expect(submitted.body).toEqual([expect.objectContaining({ orgUnit: 'VALMONT-NORD', status: 'submitted' })]);
    // four eyes: nord submitted it, the organisation-wide finance director approves it
    await http().post('/api/periods/approve').set(nord).send(target).expect(403);
    await http().post('/api/periods/approve').set(finance).send(target).expect(200);
    await http()
      .post('/api/periods/reopen')
      .set(nord)
      .send({ ...target, reason: 'Correction des heures' })
      .expect(200);

    const sud = await http()
      .get('/api/periods')
      .query(filter({ orgUnit: 'VALMONT-SUD', period: '2024-12' }))
      .set(finance)
      .expect(200);
    expect(sud.body).toEqual([expect.objectContaining({ status: 'submitted' })]);
    const mine = await http()
      .get('/api/periods')
      .query({ range: JSON.stringify([0, 999]) })
      .set(nord)
      .expect(200);
    expect(mine.body.length).toBeGreaterThan(1);
    expect(new Set(mine.body.map((p: Row) => p.orgUnit))).toEqual(new Set(['VALMONT-NORD']));
  });

  it('shows a subtree-only user the submissions they created only; an organisation-wide user sees all', async () => {
    const figure = (orgUnit: string) => ({ figures: [{ orgUnit, service: 'SAAD', metric: 'spend', period: '2025-01', value: '1000' }] });
    const theirs = (await http().post('/api/submissions').set(finance).send(figure('VALMONT-SUD')).expect(202)).body.id as string;
    const ours = (await http().post('/api/submissions').set(nord).send(figure('VALMONT-NORD')).expect(202)).body.id as string;

    const ids = async (auth: Auth): Promise<string[]> =>
      (
        await http()
          .get('/api/submissions')
          .query({ range: JSON.stringify([0, 999]) })
          .set(auth)
          .expect(200)
      ).body.map((s: Row) => s.id);
    const mine = await ids(nord);
    expect(mine).toContain(ours);
    expect(mine).not.toContain(theirs);
    const [{ count }] = (await (await api.db.dataSource()).query(`SELECT count(*)::int AS count FROM submission WHERE created_by = $1`, [nordUserId])) as {
      count: number;
    }[];
    expect(mine).toHaveLength(count);
    expect(await ids(finance)).toEqual(expect.arrayContaining([ours, theirs]));

    await http().get(`/api/submissions/${ours}`).set(nord).expect(200);
    const hidden = await http().get(`/api/submissions/${theirs}`).set(nord).expect(404);
    expect(hidden.body.detail).toBe('Soumission introuvable.');
    await http().get(`/api/submissions/${ours}`).set(finance).expect(200);
    await http()
      .get('/api/submissions')
      .query(filter({ id: [theirs] }))
      .set(nord)
      .expect(200, []);
  });

  it('gives a subtree-only user idempotency keys of their own: another user’s key or file is not handed back to them', async () => {
    const body = { figures: [{ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2025-02', value: '1200' }] };
    const first = (await http().post('/api/submissions').set(finance).set('Idempotency-Key', 'lot-2025-02').send(body).expect(202)).body.id as string;
    const again = await http().post('/api/submissions').set(nord).set('Idempotency-Key', 'lot-2025-02').send(body).expect(202);
    expect(again.body.id).not.toBe(first);
    await http().get(`/api/submissions/${again.body.id}`).set(nord).expect(200);
    // their own retry is still a replay of their own submission
    const retry = await http().post('/api/submissions').set(nord).set('Idempotency-Key', 'lot-2025-02').send(body).expect(202);
    expect(retry.body.id).toBe(again.body.id);
    // and an organisation-wide user's retry still finds the organisation's submission
    expect((await http().post('/api/submissions').set(finance).set('Idempotency-Key', 'lot-2025-02').send(body).expect(202)).body.id).toBe(first);
  });
});
