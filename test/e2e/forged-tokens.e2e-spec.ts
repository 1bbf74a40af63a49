import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-tenants';
import { PUBLISHED_SECRETS } from '../../apps/api/src/platform/config/secrets';
import { createTestApi, TestApi } from '../setup/test-app';
import { refreshCookieOf } from '../setup/demo-session';
import { TEST_JWT_SECRET } from '../setup/test-env';

/**
 * Hardening round 2, findings 1 and 4, reproduced from the outside: tokens forged with a published key or naming no
 * session, and access tokens that outlive a logout, a password change, a demotion or a deactivation.
 */
describe('forged and stale access tokens', () => {
  let sut: TestApi;
  let valmontId: string;
  let adminId: string;
  const http = () => request(sut.app.getHttpServer());
  const jwt = new JwtService();
  const forge = (secret: string, claims: Record<string, unknown>): Promise<string> =>
    jwt.signAsync(claims, { secret, algorithm: 'HS256', issuer: 'levier', expiresIn: 900 });
  const login = async (email: string, password = DEMO_PASSWORD) => {
    const res = await http().post('/api/auth/login').send({ email, password }).expect(200);
    return { bearer: { Authorization: `Bearer ${res.body.accessToken as string}` }, cookie: refreshCookieOf(res), userId: res.body.user.id as string };
  };
  const sessionIdOf = (bearer: { Authorization: string }): string =>
    (JSON.parse(Buffer.from(bearer.Authorization.split('.')[1], 'base64url').toString('utf8')) as { sid: string }).sid;

  beforeAll(async () => {
    sut = await createTestApi();
    const ds = await sut.db.dataSource();
    await seedDemo(ds);
    [{ id: valmontId }] = await ds.query(`SELECT id FROM organisation WHERE name = 'CCAS de Valmont'`);
    [{ id: adminId }] = await ds.query(`SELECT id FROM app_user WHERE email = 'admin@valmont.demo'`);
  });
  afterAll(async () => {
    await sut.close();
  });

  it.each(PUBLISHED_SECRETS.map((s) => [s]))('refuses an admin token signed with the published key %s', async (secret) => {
    for (const sub of [adminId, randomUUID()]) {
      const token = await forge(secret, { sub, org: valmontId, roles: [{ role: 'admin', orgUnitId: null }], sid: randomUUID() });
      await http().get('/api/users').set('Authorization', `Bearer ${token}`).expect(401);
    }
  });

  it('refuses a token signed with the real key that names no user, another organisation or no live session', async () => {
    const { bearer } = await login('admin@valmont.demo');
    const sid = sessionIdOf(bearer);
    const [{ id: belleriveId }] = await (await sut.db.dataSource()).query(`SELECT id FROM organisation WHERE name = 'CCAS de Bellerive'`);
    const cases = [
      { sub: randomUUID(), org: valmontId, sid }, // a user that does not exist
      { sub: adminId, org: belleriveId, sid }, // the right user in the wrong organisation
      { sub: adminId, org: valmontId, sid: randomUUID() }, // no such session
      { sub: adminId, org: valmontId }, // a token of the old shape, with no session at all
    ];
    for (const claims of cases) {
      await http()
        .get('/api/users')
        .set('Authorization', `Bearer ${await forge(TEST_JWT_SECRET, claims)}`)
        .expect(401);
    }
    // the genuine token of the same user still works: the refusals above are about the claims, not the key
    await http().get('/api/users').set(bearer).expect(200);
  });

  it('reads roles from the database, not from the token: a role written into a genuine token grants nothing', async () => {
    const { bearer } = await login('lecteur@valmont.demo');
    const [{ id: viewerId }] = await (await sut.db.dataSource()).query(`SELECT id FROM app_user WHERE email = 'lecteur@valmont.demo'`);
    const token = await forge(TEST_JWT_SECRET, { sub: viewerId, org: valmontId, sid: sessionIdOf(bearer), roles: [{ role: 'admin', orgUnitId: null }] });
    await http().get('/api/users').set('Authorization', `Bearer ${token}`).expect(403);
  });

  it('ends the access token at logout, not 15 minutes later', async () => {
    const { bearer, cookie } = await login('directeur@valmont.demo');
    await http().get('/api/auth/me').set(bearer).expect(200);
    await http().post('/api/auth/logout').set('Cookie', cookie).set('X-Requested-With', 'levier').expect(204);
    await http().get('/api/auth/me').set(bearer).expect(401);
  });

  it('ends every session of a user whose password an admin changed, whose role was lowered or who was deactivated', async () => {
    const admin = await login('admin@valmont.demo');
    const create = (email: string) =>
      http()
        .post('/api/users')
        .set(admin.bearer)
        .send({ email, displayName: 'Agent test', role: 'admin', password: 'un-mot-de-passe-solide-2026' })
        .expect(201);
    const reset = (await create('reset@valmont.test')).body.id as string;
    const demoted = (await create('demote@valmont.test')).body.id as string;
    const deactivated = (await create('deactivate@valmont.test')).body.id as string;
    const sessions = {
      reset: await login('reset@valmont.test', 'un-mot-de-passe-solide-2026'),
      demoted: await login('demote@valmont.test', 'un-mot-de-passe-solide-2026'),
      deactivated: await login('deactivate@valmont.test', 'un-mot-de-passe-solide-2026'),
    };

    await http().put(`/api/users/${reset}`).set(admin.bearer).send({ password: 'un-autre-mot-de-passe-2026' }).expect(200);
    await http().get('/api/auth/me').set(sessions.reset.bearer).expect(401);
    await http().post('/api/auth/refresh').set('Cookie', sessions.reset.cookie).set('X-Requested-With', 'levier').expect(401);

    await http().put(`/api/users/${demoted}`).set(admin.bearer).send({ role: 'viewer' }).expect(200);
    const attempt = await http()
      .post('/api/users')
      .set(sessions.demoted.bearer)
      .send({ email: 'intrus@valmont.test', displayName: 'Intrus', role: 'admin', password: 'un-mot-de-passe-solide-2026' });
    expect(attempt.status).toBe(401);
    const viewerAgain = await login('demote@valmont.test', 'un-mot-de-passe-solide-2026');
    await http()
      .post('/api/users')
      .set(viewerAgain.bearer)
      .send({ email: 'intrus@valmont.test', displayName: 'Intrus', role: 'admin', password: 'un-mot-de-passe-solide-2026' })
      .expect(403);

    await http().put(`/api/users/${deactivated}`).set(admin.bearer).send({ active: false }).expect(200);
    await http().get('/api/figures').set(sessions.deactivated.bearer).expect(401);
  });
});
