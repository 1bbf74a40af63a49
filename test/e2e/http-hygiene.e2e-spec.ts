import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-tenants';
import { createTestApi, TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { loginAs, refreshCookieOf } from '../setup/demo-session';

/** Words of the English plumbing messages that used to reach users. */
const ENGLISH = /ThrottlerException|Too Many Requests|Unexpected|unexpected end|Multipart|Cannot (GET|POST)|Not Found/;

const expectFrenchProblem = (res: request.Response, status: number, detail: RegExp): void => {
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status, type: expect.stringContaining('application/problem+json') });
  expect(res.body.detail).toMatch(detail);
  expect(res.body.detail).not.toMatch(ENGLISH);
};

describe('HTTP hygiene: caching and French plumbing messages', () => {
  let sut: TestApi;
  const http = () => request(sut.app.getHttpServer());
  let bearer: { Authorization: string };
  beforeAll(async () => {
    ({ api: sut } = await startDemoApi());
    bearer = await loginAs(sut.app, 'finance@valmont.demo');
  });
  afterAll(async () => {
    await sut.close();
  });

  it('answers tokens and authenticated reads with Cache-Control: no-store', async () => {
    const login = await http().post('/api/auth/login').send({ email: 'finance@valmont.demo', password: DEMO_PASSWORD }).expect(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const refreshed = await http().post('/api/auth/refresh').set('Cookie', refreshCookieOf(login)).set('X-Requested-With', 'levier').expect(200);
    expect(refreshed.headers['cache-control']).toBe('no-store');
    const refreshedBearer = { Authorization: `Bearer ${refreshed.body.accessToken as string}` };
    for (const path of ['/api/auth/me', '/api/figures', '/api/indicators/summary', '/api/submissions']) {
      const res = await http().get(path).set(refreshedBearer);
      expect({ path, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({ path, status: 200, cacheControl: 'no-store' });
    }
    const refused = await http().get('/api/figures').expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('answers a file in an unexpected multipart field in French', async () => {
    const res = await http().post('/api/submissions').set(bearer).attach('other', Buffer.from('a;b\n1;2\n'), 'a.csv');
    expectFrenchProblem(res, 400, /Champ de fichier inattendu .* « file »/);
  });

  it('answers a truncated multipart body in French', async () => {
    const boundary = 'levierboundary';
    const res = await http()
      .post('/api/submissions')
      .set(bearer)
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\na;b\n1;2`);
    expectFrenchProblem(res, 400, /multipart illisible/);
  });

  it('answers a truncated gzip body in French', async () => {
    const gz = gzipSync(Buffer.from(JSON.stringify({ email: 'finance@valmont.demo', password: DEMO_PASSWORD })));
    const res = await http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send(gz.subarray(0, gz.length - 12));
    expectFrenchProblem(res, 400, /compressé de la requête est tronqué ou illisible/);
  });

  it('answers an unknown API address in French', async () => {
    const res = await http().get('/api/nulle-part').set(bearer);
    expectFrenchProblem(res, 404, /aucune ressource/);
  });
});

describe('HTTP hygiene: the login throttle speaks French', () => {
  let sut: TestApi;
  beforeAll(async () => {
    sut = await createTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('answers the third login in a minute with a French 429', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 3; i += 1) {
      last = await request(sut.app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: `x${i}@example.org`, password: 'x' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 429]);
    expectFrenchProblem(last!, 429, /Trop de requêtes .* patientez/);
  });
});
