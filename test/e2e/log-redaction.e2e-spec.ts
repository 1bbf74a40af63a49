import { Writable } from 'node:stream';
import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-tenants';
import { createRootLogger, REDACTED } from '../../apps/api/src/platform/logging/logger';
import { createTestApi, TestApi } from '../setup/test-app';
import { refreshCookieOf } from '../setup/demo-session';

/** Everything the API process writes to its log, one JSON line per entry. */
const captureLog = (): { stream: Writable; text: () => string } => {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
};

describe('secrets in the logs', () => {
  let sut: TestApi;
  const log = captureLog();
  const http = () => request(sut.app.getHttpServer());
  beforeAll(async () => {
    sut = await createTestApi({}, { logger: createRootLogger('trace', 'levier-api', log.stream) });
    await seedDemo(await sut.db.dataSource());
  });
  afterAll(async () => {
    await sut.close();
  });

  it('logs a login, a refresh, an authenticated call and a signed link without a token, a cookie or a password', async () => {
    const login = await http().post('/api/auth/login').send({ email: 'finance@valmont.demo', password: DEMO_PASSWORD }).expect(200);
    const firstCookie = refreshCookieOf(login);
    const firstAccess = login.body.accessToken as string;
    const refreshed = await http().post('/api/auth/refresh').set('Cookie', firstCookie).set('X-Requested-With', 'levier').expect(200);
    const secondCookie = refreshCookieOf(refreshed);
    const secondAccess = refreshed.body.accessToken as string;
    await http().get('/api/auth/me').set('Authorization', `Bearer ${secondAccess}`).expect(200);
    await http().post('/api/auth/login').send({ email: 'finance@valmont.demo', password: 'Mauvais-Mot-De-Passe-42' }).expect(401);
    const signedLinkToken = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsaWVuLXNpZ25lIn0.c2lnbmF0dXJlLWRlLXRlc3Q';
    await http().get(`/api/report-subscriptions/unsubscribe?token=${signedLinkToken}`);

    const text = log.text();
    // the log did record these requests (so an absence below means something)
    expect(text).toContain('/api/auth/login');
    expect(text).toContain('/api/auth/refresh');
    expect(text).toContain('/api/report-subscriptions/unsubscribe');
    const secrets = {
      firstRefresh: firstCookie.slice('levier_refresh='.length),
      secondRefresh: secondCookie.slice('levier_refresh='.length),
      firstAccess,
      secondAccess,
      demoPassword: DEMO_PASSWORD,
      wrongPassword: 'Mauvais-Mot-De-Passe-42',
      signedLinkToken,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect({ name, found: text.includes(secret) }).toEqual({ name, found: false });
    }
    expect(text).not.toContain('levier_refresh=');
    expect(text).toContain(`"set-cookie":"${REDACTED}"`);
    expect(text).toContain(`token=${REDACTED}`);
  });
});
