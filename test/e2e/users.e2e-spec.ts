import request from 'supertest';
import { runCreateAdmin } from '../../apps/api/src/cli/create-admin.command';
import { loadConfig } from '../../apps/api/src/platform/config/app-config';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';

describe('users and roles', () => {
  let sut: TestApi;
  const http = () => request(sut.app.getHttpServer());
  beforeAll(async () => {
    ({ api: sut } = await startDemoApi());
  });
  afterAll(async () => {
    await sut.close();
  });

  it('lets an admin list the organisation’s accounts, and only them', async () => {
    const res = await http()
      .get('/api/users')
      .set(await loginAs(sut.app, 'admin@valmont.demo'))
      .expect(200);
    expect(res.headers['content-range']).toBe('users 0-3/4');
    expect(res.body.map((u: { email: string }) => u.email).sort()).toEqual([
      'admin@valmont.demo',
      'directeur@valmont.demo',
      'finance@valmont.demo',
      'lecteur@valmont.demo',
    ]);
  });

  it('creates an account scoped to an org-unit subtree, which can then log in', async () => {
    const admin = await loginAs(sut.app, 'admin@valmont.demo');
    const created = await http()
      .post('/api/users')
      .set(admin)
      .send({
        email: 'Antenne.Nord@valmont.demo',
        displayName: 'Responsable antenne Nord',
        role: 'director',
        orgUnit: 'VALMONT-NORD',
        password: 'un-mot-de-passe-long',
      })
      .expect(201);
    expect(created.body).toMatchObject({ email: 'antenne.nord@valmont.demo', role: 'director', orgUnit: 'VALMONT-NORD', active: true });
    const login = await http().post('/api/auth/login').send({ email: 'antenne.nord@valmont.demo', password: 'un-mot-de-passe-long' }).expect(200);
    const scoped = { Authorization: `Bearer ${login.body.accessToken}` };
    await http().get('/api/indicators/summary').query({ orgUnit: 'VALMONT-NORD' }).set(scoped).expect(200);
    await http().get('/api/indicators/summary').query({ orgUnit: 'VALMONT-SUD' }).set(scoped).expect(404);
    await http().get('/api/indicators/summary').query({ orgUnit: 'VALMONT' }).set(scoped).expect(404);
    const audit = await http().get('/api/audit-log').set(admin).expect(200);
    expect(audit.body.some((row: { action: string }) => row.action === 'user.create')).toBe(true);
  });

  it('refuses duplicates, weak passwords and non-admins', async () => {
    const admin = await loginAs(sut.app, 'admin@valmont.demo');
    await http()
      .post('/api/users')
      .set(admin)
      .send({ email: 'directeur@bellerive.demo', displayName: 'x', role: 'viewer', password: 'un-mot-de-passe-long' })
      .expect(409);
    const weak = await http().post('/api/users').set(admin).send({ email: 'x@valmont.demo', displayName: 'x', role: 'viewer', password: 'court' }).expect(400);
    expect(weak.body.errors).toContain('Le mot de passe doit contenir au moins 12 caractères.');
    await http()
      .get('/api/users')
      .set(await loginAs(sut.app, 'directeur@valmont.demo'))
      .expect(403);
  });

  // Issue 15, finding 5: addresses are unique across tenants, so an address taken in another organisation cannot be
  // given. The answer is the one an address of the admin's own organisation gets (which the admin sees in the list
  // anyway): same status, same words, nothing that names or hints at another organisation, and nothing written.
  it('answers an address taken in another organisation exactly as one taken in the admin’s own, without naming it', async () => {
    const admin = await loginAs(sut.app, 'admin@valmont.demo');
    const ds = await sut.db.dataSource();
    const attempt = (email: string) =>
      http().post('/api/users').set(admin).send({ email, displayName: 'Essai', role: 'viewer', password: 'un-mot-de-passe-long' });
    const counts = `SELECT (SELECT count(*)::int FROM app_user) AS users, (SELECT count(*)::int FROM audit_log) AS audits`;
    const [before] = (await ds.query(counts)) as { users: number; audits: number }[];
    const elsewhere = await attempt('Directeur@Bellerive.demo');
    const here = await attempt('lecteur@valmont.demo');
    const strip = (res: request.Response) => ({ status: res.status, type: res.headers['content-type'], body: { ...res.body, requestId: undefined } });
    expect(strip(elsewhere)).toEqual(strip(here));
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.detail).toBe('Cette adresse ne peut pas être utilisée pour un nouveau compte.');
    expect(JSON.stringify(elsewhere.body)).not.toMatch(/bellerive|autre organisation|autre collectivité|existe/i);
    expect(await ds.query(counts)).toEqual([before]);
    // an address free everywhere is created: only « free » and « not free » can be told apart, never where
    await attempt('libre.partout@valmont.demo').expect(201);
  });

  it('bootstraps the first admin of a real deployment from the command line', async () => {
    const out: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s) };
    const config = loadConfig({ DATABASE_URL: sut.db.url });
    expect(
      await runCreateAdmin(config, ['--organisation', 'CCAS de Nouvelle-Rive', '--code', 'NOUVELLE-RIVE', '--email', 'admin@nouvelle-rive.fr'], io, {}),
    ).toBe(2);
    expect(out.join('\n')).toContain('LEVIER_ADMIN_PASSWORD');
    const code = await runCreateAdmin(config, ['--organisation', 'CCAS de Nouvelle-Rive', '--code', 'NOUVELLE-RIVE', '--email', 'admin@nouvelle-rive.fr'], io, {
      LEVIER_ADMIN_PASSWORD: 'un-mot-de-passe-solide',
    });
    expect(code).toBe(0);
    const login = await http().post('/api/auth/login').send({ email: 'admin@nouvelle-rive.fr', password: 'un-mot-de-passe-solide' }).expect(200);
    const list = await http().get('/api/users').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(list.body.map((u: { email: string }) => u.email)).toEqual(['admin@nouvelle-rive.fr']);
  });
});
