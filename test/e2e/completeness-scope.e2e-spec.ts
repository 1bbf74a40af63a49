import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { createTestApi, TestApi } from '../setup/test-app';
import { loginAs } from '../setup/demo-session';
import { createScopedUser } from '../factories/scoped-users.factory';

type Auth = { Authorization: string };
type Missing = { orgUnit: string; service: string; metric: string; period: string };
type Problem = { requestId?: string; instance?: string; [field: string]: unknown };

/** A problem+json body without what differs per request. */
const problemOf = ({ requestId: _requestId, instance: _instance, ...rest }: Problem): Problem => rest;

/** What an unknown unit answers, with its code in the message. */
const unknownUnit = (code: string) => ({
  status: 400,
  detail: `Unité « ${code} » inconnue : indiquez le code d’une unité de l’organisation.`,
});

/**
 * Completeness under org-unit subtree roles (docs/product-rules.md#access-and-security): a user whose roles cover only VALMONT-NORD measures that
 * antenna only; any other unit, its parent included, answers exactly as a unit that does not exist. The demo seed has
 * organisation-wide roles only, so the subtree users are created here.
 */
describe('GET /api/completeness with roles on an org-unit subtree', () => {
  let api: TestApi;
  let finance: Auth;
  /** finance on VALMONT-NORD only */
  let nord: Auth;
  /** viewer of the whole organisation + finance on VALMONT-NORD */
  let mixed: Auth;
  let bellerive: Auth;
  const completeness = (auth: Auth, orgUnit: string, period = '2030-01') =>
    request(api.app.getHttpServer()).get('/api/completeness').query({ orgUnit, period }).set(auth);

  beforeAll(async () => {
    api = await createTestApi();
    const ds = await api.db.dataSource();
    await seedDemo(ds);
    await createScopedUser(ds, 'CCAS de Valmont', 'finance-nord@valmont.test', [['finance', 'VALMONT-NORD']]);
    await createScopedUser(ds, 'CCAS de Valmont', 'mixte@valmont.test', [
      ['viewer', null],
      ['finance', 'VALMONT-NORD'],
    ]);
    [finance, nord, mixed, bellerive] = await Promise.all(
      ['finance@valmont.demo', 'finance-nord@valmont.test', 'mixte@valmont.test', 'directeur@bellerive.demo'].map((e) => loginAs(api.app, e)),
    );
  });
  afterAll(async () => {
    await api?.close();
  });

  it('measures the unit under the role, counting its figures only', async () => {
    const mine = await completeness(nord, 'VALMONT-NORD').expect(200);
    const asFinance = await completeness(finance, 'VALMONT-NORD').expect(200);
    expect(mine.body).toEqual(asFinance.body);
    expect(mine.body).toMatchObject({ orgUnit: 'VALMONT-NORD', period: '2030-01', entered: 0, ratio: '0.0000' });
    expect(mine.body.expected).toBeGreaterThan(0);
    expect(new Set(mine.body.missing.map((m: Missing) => m.orgUnit))).toEqual(new Set(['VALMONT-NORD']));
    const whole = await completeness(finance, 'VALMONT').expect(200);
    expect(whole.body.expected).toBeGreaterThan(mine.body.expected);
  });

  it('answers a unit outside the subtree, its parent included, exactly as an unknown unit', async () => {
    const unknown = await completeness(nord, 'INCONNUE').expect(400);
    expect(unknown.body).toMatchObject(unknownUnit('INCONNUE'));
    for (const orgUnit of ['VALMONT-SUD', 'VALMONT']) {
      const hidden = await completeness(nord, orgUnit).expect(400);
      expect(hidden.headers['content-type']).toBe(unknown.headers['content-type']);
      expect(problemOf(hidden.body)).toEqual({ ...problemOf(unknown.body), ...unknownUnit(orgUnit) });
    }
  });

  it('lets an organisation-wide role see every unit, and never another tenant’s', async () => {
    await completeness(mixed, 'VALMONT-SUD').expect(200);
    await completeness(mixed, 'VALMONT').expect(200);
    const other = await completeness(bellerive, 'VALMONT-NORD').expect(400);
    expect(other.body).toMatchObject(unknownUnit('VALMONT-NORD'));
  });
});
