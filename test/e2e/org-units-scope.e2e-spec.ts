import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { createTestApi, TestApi } from '../setup/test-app';
import { loginAs } from '../setup/demo-session';
import { createScopedUser } from '../factories/scoped-users.factory';

type Auth = { Authorization: string };
type Unit = { id: string; code: string; name: string; parentCode: string | null; leaf: boolean; inScope: boolean };
type Service = { id: string; code: string; orgUnits: string[] };
type Problem = { requestId?: string; instance?: string; [field: string]: unknown };

/** A problem+json body without what differs per request. */
const problemOf = ({ requestId: _requestId, instance: _instance, ...rest }: Problem): Problem => rest;
const flags = (units: Unit[]): [string, boolean][] => units.map((u) => [u.code, u.inScope]);
const total = (res: request.Response): number => Number(String(res.headers['content-range']).split('/')[1]);

/**
 * The org-unit catalogue under subtree roles (docs/product-rules.md#access-and-security): a user whose roles cover only VALMONT-NORD learns that
 * antenna, its sub-team and the chain of its ancestors (to draw the tree, flagged `inScope: false`), never the
 * sibling antenna VALMONT-SUD, which answers 404 as another tenant's unit would. The demo seed has organisation-wide
 * roles and a flat tree only, so the sub-team VALMONT-NORD-EST and the subtree users are created here.
 */
describe('GET /api/org-units and /api/services with roles on an org-unit subtree', () => {
  let api: TestApi;
  let finance: Auth;
  /** finance on VALMONT-NORD only */
  let nord: Auth;
  /** viewer on the sub-team VALMONT-NORD-EST only: two ancestors above it */
  let est: Auth;
  /** viewer of the whole organisation + finance on VALMONT-NORD */
  let mixed: Auth;
  let bellerive: Auth;
  let units: Map<string, Unit>;
  const http = () => request(api.app.getHttpServer());
  const list = (auth: Auth, query: Record<string, string> = {}) =>
    http()
      .get('/api/org-units')
      .query({ range: '[0,99]', ...query })
      .set(auth)
      .expect(200);

  beforeAll(async () => {
    api = await createTestApi();
    const ds = await api.db.dataSource();
    await seedDemo(ds);
    await ds.query(
      `INSERT INTO org_unit (organisation_id, code, name, parent_id)
       SELECT organisation_id, 'VALMONT-NORD-EST', 'Équipe Valmont Nord-Est', id FROM org_unit WHERE code = 'VALMONT-NORD'`,
    );
    await createScopedUser(ds, 'CCAS de Valmont', 'finance-nord@valmont.test', [['finance', 'VALMONT-NORD']]);
    await createScopedUser(ds, 'CCAS de Valmont', 'lecteur-est@valmont.test', [['viewer', 'VALMONT-NORD-EST']]);
    await createScopedUser(ds, 'CCAS de Valmont', 'mixte@valmont.test', [
      ['viewer', null],
      ['finance', 'VALMONT-NORD'],
    ]);
    [finance, nord, est, mixed, bellerive] = await Promise.all(
      ['finance@valmont.demo', 'finance-nord@valmont.test', 'lecteur-est@valmont.test', 'mixte@valmont.test', 'directeur@bellerive.demo'].map((e) =>
        loginAs(api.app, e),
      ),
    );
    units = new Map(((await list(finance)).body as Unit[]).map((u) => [u.code, u]));
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists every unit in scope to organisation-wide roles', async () => {
    for (const auth of [finance, mixed]) {
      const res = await list(auth);
      expect(res.headers['content-range']).toBe('org-units 0-3/4');
      expect(flags(res.body)).toEqual([
        ['VALMONT', true],
        ['VALMONT-NORD', true],
        ['VALMONT-NORD-EST', true],
        ['VALMONT-SUD', true],
      ]);
    }
  });

  it('lists the subtree and its ancestors (out of scope) to a subtree user, never the sibling antenna', async () => {
    const mine = await list(nord);
    expect(mine.headers['content-range']).toBe('org-units 0-2/3');
    expect(flags(mine.body)).toEqual([
      ['VALMONT', false],
      ['VALMONT-NORD', true],
      ['VALMONT-NORD-EST', true],
    ]);
    expect(mine.body[0]).toMatchObject({ name: 'CCAS de Valmont', parentCode: null, leaf: false });
    expect(mine.body[1]).toMatchObject({ parentCode: 'VALMONT', leaf: false });
    expect(JSON.stringify(mine.body)).not.toContain('VALMONT-SUD');

    const deeper = await list(est);
    expect(deeper.headers['content-range']).toBe('org-units 0-2/3');
    expect(flags(deeper.body)).toEqual([
      ['VALMONT', false],
      ['VALMONT-NORD', false],
      ['VALMONT-NORD-EST', true],
    ]);
  });

  it('keeps Content-Range totals on the filtered list (filters, pages, the inScope filter)', async () => {
    const sud = units.get('VALMONT-SUD')!;
    const nordUnit = units.get('VALMONT-NORD')!;
    const byIds = await list(nord, { filter: JSON.stringify({ id: [sud.id, nordUnit.id] }) });
    expect(byIds.body.map((u: Unit) => u.code)).toEqual(['VALMONT-NORD']);
    expect(byIds.headers['content-range']).toBe('org-units 0-0/1');
    for (const filter of [{ code: 'VALMONT-SUD' }, { q: 'sud' }]) {
      const none = await list(nord, { filter: JSON.stringify(filter) });
      expect(none.body).toEqual([]);
      expect(none.headers['content-range']).toBe('org-units 0-0/0');
    }
    const second = await list(nord, { range: '[1,1]', sort: '["code","DESC"]' });
    expect(second.body.map((u: Unit) => u.code)).toEqual(['VALMONT-NORD']);
    expect(second.headers['content-range']).toBe('org-units 1-1/3');

    const own = await list(nord, { filter: '{"inScope":true}' });
    expect(own.body.map((u: Unit) => u.code)).toEqual(['VALMONT-NORD', 'VALMONT-NORD-EST']);
    expect(total(own)).toBe(2);
    const above = await list(est, { filter: '{"inScope":false}' });
    expect(above.body.map((u: Unit) => u.code)).toEqual(['VALMONT', 'VALMONT-NORD']);
    expect(total(above)).toBe(2);
    expect(total(await list(finance, { filter: '{"inScope":false}' }))).toBe(0);
    const bad = await http().get('/api/org-units').query({ filter: '{"inScope":"oui"}' }).set(nord).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.detail).toBe('Le filtre inScope doit valoir true (vos unités) ou false (leurs unités parentes).');
  });

  it('answers a unit outside the subtree and its ancestors with 404, exactly as another tenant’s unit', async () => {
    const sud = units.get('VALMONT-SUD')!;
    const foreign = await http().get(`/api/org-units/${sud.id}`).set(bellerive).expect(404);
    const hidden = await http().get(`/api/org-units/${sud.id}`).set(nord).expect(404);
    expect(hidden.headers['content-type']).toBe(foreign.headers['content-type']);
    expect(problemOf(hidden.body)).toEqual(problemOf(foreign.body));
    expect(hidden.body.detail).toBe('Unité introuvable.');

    const root = await http()
      .get(`/api/org-units/${units.get('VALMONT')!.id}`)
      .set(nord)
      .expect(200);
    expect(root.body).toMatchObject({ code: 'VALMONT', inScope: false });
    const own = await http()
      .get(`/api/org-units/${units.get('VALMONT-NORD')!.id}`)
      .set(nord)
      .expect(200);
    expect(own.body).toMatchObject({ code: 'VALMONT-NORD', inScope: true });
    const all = await http().get(`/api/org-units/${sud.id}`).set(mixed).expect(200);
    expect(all.body).toMatchObject({ code: 'VALMONT-SUD', inScope: true });
  });

  it('lists every service to a subtree user, with only the units they may see among those that run it', async () => {
    const theirs = await http().get('/api/services').query({ range: '[0,99]' }).set(finance).expect(200);
    const mine = await http().get('/api/services').query({ range: '[0,99]' }).set(nord).expect(200);
    expect(mine.headers['content-range']).toBe(theirs.headers['content-range']);
    expect(mine.body.map((s: Service) => s.code)).toEqual(theirs.body.map((s: Service) => s.code));
    const aed = (body: Service[]): Service => body.find((s) => s.code === 'AED')!;
    expect(aed(theirs.body).orgUnits).toEqual(['VALMONT-NORD', 'VALMONT-SUD']);
    expect(aed(mine.body).orgUnits).toEqual(['VALMONT-NORD']);
    for (const s of mine.body as Service[]) expect(s.orgUnits).not.toContain('VALMONT-SUD');
    const one = await http()
      .get(`/api/services/${aed(mine.body).id}`)
      .set(nord)
      .expect(200);
    expect(one.body.orgUnits).toEqual(['VALMONT-NORD']);
    expect(
      (
        await http()
          .get(`/api/services/${aed(mine.body).id}`)
          .set(mixed)
          .expect(200)
      ).body.orgUnits,
    ).toEqual(['VALMONT-NORD', 'VALMONT-SUD']);
  });

  it('has no write route on org units (the tree changes by migration or seed only)', async () => {
    const sud = units.get('VALMONT-SUD')!;
    const admin = await loginAs(api.app, 'admin@valmont.demo');
    await http().post('/api/org-units').set(admin).send({ code: 'X', name: 'X' }).expect(404);
    await http().put(`/api/org-units/${sud.id}`).set(admin).send({ name: 'X' }).expect(404);
    await http().delete(`/api/org-units/${sud.id}`).set(admin).expect(404);
  });
});
