import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { DEMO_PASSWORD, DEMO_TENANTS } from '../../apps/api/src/demo/demo-tenants';
import { createTestApi, TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { refreshCookieOf } from '../setup/demo-session';

describe('authentication', () => {
  let sut: TestApi;
  const http = () => request(sut.app.getHttpServer());
  beforeAll(async () => {
    ({ api: sut } = await startDemoApi());
  });
  afterAll(async () => {
    await sut.close();
  });

  it.each(DEMO_TENANTS.flatMap((t) => t.users.map((u) => [u.email, u.role, t.name] as const)))('logs %s in as %s of %s', async (email, role, organisation) => {
    const res = await http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user.roles).toEqual([{ role, orgUnitId: null }]);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('levier_refresh='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email, organisation: { name: organisation } });
  });

  it('refuses a wrong password with a French problem, and a request without token with 401', async () => {
    const res = await http().post('/api/auth/login').send({ email: 'finance@valmont.demo', password: 'nope' }).expect(401);
    expect(res.body).toMatchObject({ status: 401, detail: 'Adresse e-mail ou mot de passe incorrect.' });
    await http().get('/api/auth/me').expect(401);
    await http().get('/api/auth/me').set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('validates the login body', async () => {
    const res = await http().post('/api/auth/login').send({ email: 'pas-un-email', password: 'x', admin: true }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual(expect.arrayContaining(['Adresse e-mail invalide.', 'property admin should not exist']));
  });

  it('rotates the refresh token, and a reused one revokes the whole session', async () => {
    const login = await http().post('/api/auth/login').send({ email: 'directeur@valmont.demo', password: DEMO_PASSWORD }).expect(200);
    const first = refreshCookieOf(login);
    await http().post('/api/auth/refresh').set('Cookie', first).expect(403); // CSRF header missing
    const rotated = await http().post('/api/auth/refresh').set('Cookie', first).set('X-Requested-With', 'levier').expect(200);
    const second = refreshCookieOf(rotated);
    expect(second).not.toEqual(first);
    expect(rotated.body.accessToken).toEqual(expect.any(String));
    // replay of the first token: theft detected, the family is revoked, the second token dies too
    await http().post('/api/auth/refresh').set('Cookie', first).set('X-Requested-With', 'levier').expect(401);
    await http().post('/api/auth/refresh').set('Cookie', second).set('X-Requested-With', 'levier').expect(401);
  });

  it('logs out by revoking the refresh token', async () => {
    const login = await http().post('/api/auth/login').send({ email: 'lecteur@valmont.demo', password: DEMO_PASSWORD }).expect(200);
    const cookie = refreshCookieOf(login);
    await http().post('/api/auth/logout').set('Cookie', cookie).set('X-Requested-With', 'levier').expect(204);
    await http().post('/api/auth/refresh').set('Cookie', cookie).set('X-Requested-With', 'levier').expect(401);
  });

  it('delays an address after 5 failed attempts instead of locking it: 429 with Retry-After, then the right password works', async () => {
    for (let i = 0; i < 5; i += 1) await http().post('/api/auth/login').send({ email: 'admin@valmont.demo', password: 'wrong' }).expect(401);
    const res = await http().post('/api/auth/login').send({ email: 'admin@valmont.demo', password: DEMO_PASSWORD }).expect(429);
    expect(res.body.detail).toBe('Trop de tentatives pour cette adresse : réessayez dans 1 seconde.');
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body.detail).not.toMatch(/verrouillé/);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await http().post('/api/auth/login').send({ email: 'admin@valmont.demo', password: DEMO_PASSWORD }).expect(200);
  });
});

describe('login throttling', () => {
  let sut: TestApi;
  beforeAll(async () => {
    sut = await createTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '10' });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('answers 429 after 10 login attempts in a minute from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push(
        (
          await request(sut.app.getHttpServer())
            .post('/api/auth/login')
            .send({ email: `x${i}@example.org`, password: 'x' })
        ).status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe('demo accounts outside demo mode', () => {
  let sut: TestApi;
  beforeAll(async () => {
    sut = await createTestApi({ DEMO_MODE: 'false' });
    await seedDemo(await sut.db.dataSource());
  });
  afterAll(async () => {
    await sut.close();
    process.env.DEMO_MODE = 'true';
  });

  it('refuses them', async () => {
    const res = await request(sut.app.getHttpServer()).post('/api/auth/login').send({ email: 'finance@valmont.demo', password: DEMO_PASSWORD }).expect(401);
    expect(res.body.detail).toMatch(/mode démo/);
  });
});
