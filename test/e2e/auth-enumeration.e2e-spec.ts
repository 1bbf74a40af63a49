import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-tenants';
import { PasswordResetService } from '../../apps/api/src/tenancy/password-reset.service';
import { loginAs } from '../setup/demo-session';
import { startSmtpCatcher, SmtpCatcher } from '../setup/smtp-catcher';
import { createTestApi, TestApi } from '../setup/test-app';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Enumeration and lock-out (issue 15, finding 5). Before: a reset request took 57.7 ms for an account and 4.5 ms for
 * an unknown address; after 5 failures an account said « verrouillé » and an unknown address « incorrect », and the
 * lock refused the right password for 15 minutes; any password of 12 characters was accepted.
 */
describe('no enumeration, no lock-out, no weak password', () => {
  let sut: TestApi;
  let smtp: SmtpCatcher;
  const http = () => request(sut.app.getHttpServer());
  const login = (email: string, password: string) => http().post('/api/auth/login').send({ email, password });

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    sut = await createTestApi({ SMTP_URL: smtp.url });
    await seedDemo(await sut.db.dataSource());
  });
  afterAll(async () => {
    await sut?.close();
    await smtp?.close();
  });

  describe('password-reset request', () => {
    it('answers an account and an unknown address with the same status and body', async () => {
      const known = await http().post('/api/auth/password-reset/request').send({ email: 'finance@valmont.demo' });
      const unknown = await http().post('/api/auth/password-reset/request').send({ email: 'personne@valmont.demo' });
      expect(known.status).toBe(202);
      expect([unknown.status, unknown.body]).toEqual([known.status, known.body]);
      await sut.app.get(PasswordResetService).settled();
      // the link still goes out, after the answer, to the account only
      expect((await smtp.waitFor(1)).map((m) => m.to)).toEqual([['finance@valmont.demo']]);
    });

    it('takes the same time for an account and an unknown address (medians of 20 interleaved requests within 15 ms)', async () => {
      const time = async (email: string): Promise<number> => {
        const started = process.hrtime.bigint();
        await http().post('/api/auth/password-reset/request').send({ email }).expect(202);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        known.push(await time('directeur@valmont.demo'));
        unknown.push(await time(`inconnu-${i}@valmont.demo`));
        // the background work of the previous request must not land on the next measure
        await sut.app.get(PasswordResetService).settled();
      }
      expect(Math.abs(median(known) - median(unknown))).toBeLessThan(15);
    });
  });

  describe('failed logins', () => {
    it('gives an account and an unknown address the same answers, failure after failure, then the same 429', async () => {
      const known: [number, string, string | undefined][] = [];
      const unknown: [number, string, string | undefined][] = [];
      for (let i = 0; i < 6; i += 1) {
        const a = await login('lecteur@valmont.demo', 'mauvais-mot-de-passe');
        const b = await login('fantome@valmont.demo', 'mauvais-mot-de-passe');
        known.push([a.status, a.body.detail, a.headers['retry-after']]);
        unknown.push([b.status, b.body.detail, b.headers['retry-after']]);
      }
      expect(known).toEqual(unknown);
      expect(known.slice(0, 5).map(([status, detail]) => [status, detail])).toEqual(Array(5).fill([401, 'Adresse e-mail ou mot de passe incorrect.']));
      expect(known[5]).toEqual([429, 'Trop de tentatives pour cette adresse : réessayez dans 1 seconde.', '1']);
      expect(known.map(([, detail]) => detail).join(' ')).not.toMatch(/verrouill/);
    });

    it('doubles the wait at each further failure (1 s, then 2 s), and the right password works once it is over', async () => {
      const email = 'finance@valmont.demo';
      for (let i = 0; i < 5; i += 1) await login(email, 'mauvais-mot-de-passe').expect(401);
      await sleep(1100);
      await login(email, 'mauvais-mot-de-passe').expect(401);
      const second = await login(email, DEMO_PASSWORD).expect(429);
      expect(second.headers['retry-after']).toBe('2');
      await sleep(2100);
      await login(email, DEMO_PASSWORD).expect(200);
      // a success forgets the failures: the next failure is the first again
      await login(email, 'mauvais-mot-de-passe').expect(401);
      await login(email, DEMO_PASSWORD).expect(200);
    });

    it('delays a wrong current password on /api/auth/password like a login', async () => {
      const director = await loginAs(sut.app, 'directeur@valmont.demo');
      for (let i = 0; i < 5; i += 1) {
        await http().post('/api/auth/password').set(director).send({ currentPassword: 'mauvais-mot-de-passe', newPassword: 'cheval-agrafe-pile' }).expect(401);
      }
      const res = await http().post('/api/auth/password').set(director).send({ currentPassword: DEMO_PASSWORD, newPassword: 'cheval-agrafe-pile' }).expect(429);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body.detail).toBe('Trop de tentatives pour cette adresse : réessayez dans 1 seconde.');
    });
  });

  describe('weak or common passwords, wherever a password is set', () => {
    const COMMON = /^Ce mot de passe fait partie des plus courants/;

    it('refuses them on a password change', async () => {
      const admin = await loginAs(sut.app, 'admin@valmont.demo');
      for (const [newPassword, detail] of [
        ['motdepasse2024', COMMON],
        ['123456789012', COMMON],
        ['Azertyuiop12', COMMON],
        ['zzzzzzzzzzzz', /un seul caractère répété/],
        ['admin@valmont.demo', /reprendre l’adresse e-mail/],
      ] as const) {
        const res = await http().post('/api/auth/password').set(admin).send({ currentPassword: DEMO_PASSWORD, newPassword }).expect(400);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        expect(res.body.detail).toMatch(detail);
      }
    });

    it('refuses them when an admin creates or updates an account', async () => {
      const admin = await loginAs(sut.app, 'admin@valmont.demo');
      const created = await http()
        .post('/api/users')
        .set(admin)
        .send({ email: 'marie.curie@valmont.test', displayName: 'Marie Curie', role: 'viewer', password: 'soleil123456' })
        .expect(400);
      expect(created.body.detail).toMatch(COMMON);
      expect(created.body.errors).toEqual([{ field: 'password', message: created.body.detail }]);
      const ok = await http()
        .post('/api/users')
        .set(admin)
        .send({ email: 'marie.curie@valmont.test', displayName: 'Marie Curie', role: 'viewer', password: 'radium-polonium-1898' })
        .expect(201);
      const updated = await http().put(`/api/users/${ok.body.id}`).set(admin).send({ password: 'marie.curie2024' }).expect(400);
      expect(updated.body.detail).toMatch(/reprendre l’adresse e-mail/);
    });

    it('refuses them on a password reset, and accepts a passphrase', async () => {
      smtp.messages.length = 0;
      await http().post('/api/auth/password-reset/request').send({ email: 'lecteur@valmont.demo' }).expect(202);
      await sut.app.get(PasswordResetService).settled();
      const [mail] = await smtp.waitFor(1);
      const token = decodeURIComponent(/token=([^\s]+)/.exec(mail.parsed.text ?? '')![1]);
      const weak = await http().post('/api/auth/password-reset/confirm').send({ token, newPassword: 'motdepasse!!' }).expect(400);
      expect(weak.body.detail).toMatch(COMMON);
      await http().post('/api/auth/password-reset/confirm').send({ token, newPassword: 'trois-pommes-et-un-violon' }).expect(204);
      await login('lecteur@valmont.demo', 'trois-pommes-et-un-violon').expect(200);
    });
  });
});

describe('throttle on /api/auth/password', () => {
  let sut: TestApi;
  beforeAll(async () => {
    sut = await createTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    await seedDemo(await sut.db.dataSource());
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('answers 429 in French after the per-minute limit from one address', async () => {
    const http = () => request(sut.app.getHttpServer());
    const login = await http().post('/api/auth/login').send({ email: 'admin@valmont.demo', password: DEMO_PASSWORD }).expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken as string}` };
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await http().post('/api/auth/password').set(auth).send({ currentPassword: 'mauvais', newPassword: 'cheval-agrafe-pile' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(last!.body.detail).toMatch(/^Trop de/);
  });
});
