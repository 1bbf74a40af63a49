import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-tenants';
import { refreshCookieOf } from '../setup/demo-session';
import { createTestApi, TestApi } from '../setup/test-app';

const CSRF = { 'X-Requested-With': 'levier' };
const setCookies = (res: request.Response): string[] => (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
const cookieNamed = (res: request.Response, name: string): string | undefined => setCookies(res).find((c) => c.startsWith(`${name}=`));

/**
 * Rate limiting that logged people out (issue 15, finding 6). Before: the admin's login page fired refreshes without
 * a session, each counted against the client address; behind one office address a colleague's logins made another
 * user's reload get 429s. Now: a companion cookie `levier_session=1` tells the admin whether to refresh at all, a
 * refresh without cookie is a 401 not counted, refreshes are counted per session, and X-Forwarded-For is believed
 * only from TRUSTED_PROXIES.
 */
describe('refresh: companion cookie, counted per session', () => {
  let sut: TestApi;
  const http = () => request(sut.app.getHttpServer());
  const login = (email: string) => http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);

  beforeAll(async () => {
    // 4 a minute per address and route: the office's shared address
    sut = await createTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '4' });
    await seedDemo(await sut.db.dataSource());
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('sets levier_session=1 (readable by the page, no secret) with the refresh cookie, again at refresh, and clears both at logout', async () => {
    const res = await login('lecteur@valmont.demo');
    const companion = cookieNamed(res, 'levier_session')!;
    expect(companion).toMatch(/^levier_session=1; /);
    expect(companion).not.toMatch(/HttpOnly/i);
    expect(companion).toMatch(/Path=\/;/);
    expect(companion).toMatch(/SameSite=Strict/);
    const expires = (cookie: string) => /Expires=([^;]+)/.exec(cookie)![1];
    expect(expires(companion)).toBe(expires(cookieNamed(res, 'levier_refresh')!));

    const refreshed = await http().post('/api/auth/refresh').set('Cookie', refreshCookieOf(res)).set(CSRF).expect(200);
    expect(cookieNamed(refreshed, 'levier_session')).toMatch(/^levier_session=1; /);

    const out = await http().post('/api/auth/logout').set('Cookie', refreshCookieOf(refreshed)).set(CSRF).expect(204);
    expect(cookieNamed(out, 'levier_session')).toMatch(/^levier_session=; .*Expires=Thu, 01 Jan 1970/);
    expect(cookieNamed(out, 'levier_refresh')).toMatch(/^levier_refresh=; .*Expires=Thu, 01 Jan 1970/);
  });

  it('clears the companion cookie when a refresh is refused, so the page stops asking', async () => {
    const res = await http().post('/api/auth/refresh').set('Cookie', 'levier_refresh=inconnu').set(CSRF).expect(401);
    expect(res.body.detail).toMatch(/reconnectez-vous/);
    expect(cookieNamed(res, 'levier_session')).toMatch(/^levier_session=; .*Expires=Thu, 01 Jan 1970/);
  });

  it('answers a refresh without cookie 401 in French without counting it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const res = await http().post('/api/auth/refresh').set(CSRF);
      statuses.push(res.status);
      expect(res.body.detail).toBe('Aucune session ouverte : connectez-vous.');
    }
    expect(statuses).toEqual(Array(8).fill(401));
    // the address's budget is untouched: a real session still refreshes
    const session = await login('finance@valmont.demo');
    await http().post('/api/auth/refresh').set('Cookie', refreshCookieOf(session)).set(CSRF).expect(200);
  });

  it('counts refreshes per session: colleagues behind one address all reload, one cookie replayed is limited', async () => {
    // logins 3 and 4 from the address (its whole login budget with the two above)
    const sessions = [await login('admin@valmont.demo'), await login('directeur@valmont.demo')];
    const statuses: number[] = [];
    for (const session of sessions) {
      let cookie = refreshCookieOf(session);
      for (let reload = 0; reload < 3; reload += 1) {
        const res = await http().post('/api/auth/refresh').set('Cookie', cookie).set(CSRF);
        statuses.push(res.status);
        if (res.status === 200) cookie = refreshCookieOf(res);
      }
    }
    // 6 refreshes from one address over a limit of 4 (and 2 more above): per address the last ones would have been 429
    expect(statuses).toEqual(Array(6).fill(200));
    const replayed: number[] = [];
    for (let i = 0; i < 5; i += 1) replayed.push((await http().post('/api/auth/refresh').set('Cookie', 'levier_refresh=rejoue').set(CSRF)).status);
    expect(replayed).toEqual([401, 401, 401, 401, 429]);
  });
});

describe('X-Forwarded-For only from TRUSTED_PROXIES', () => {
  const attempts = async (sut: TestApi): Promise<number[]> => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await request(sut.app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ email: `personne${i}@exemple.fr`, password: 'x' });
      statuses.push(res.status);
    }
    return statuses;
  };

  it('believes the header from loopback by default (the proxy on the same host): each client has its own budget', async () => {
    const sut = await createTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      expect(await attempts(sut)).toEqual([401, 401, 401, 401]);
    } finally {
      await sut.close();
    }
  });

  it('ignores the header from a peer that is not a listed proxy: the peer’s own address is limited', async () => {
    const sut = await createTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '3', TRUSTED_PROXIES: '10.0.0.1' });
    try {
      expect(await attempts(sut)).toEqual([401, 401, 401, 429]);
    } finally {
      await sut.close();
      delete process.env.TRUSTED_PROXIES;
    }
  });
});
