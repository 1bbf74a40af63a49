import request from 'supertest';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-tenants';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';

interface AuditRow {
  organisation_id: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
}

/** Login events are audited like every other change: through AuditedTenantWriter, in the audit log of the user's organisation. */
describe('audit rows of login events', () => {
  let sut: TestApi;
  const http = () => request(sut.app.getHttpServer());
  const userOf = async (email: string): Promise<{ id: string; organisation_id: string }> =>
    (
      (await (await sut.db.dataSource()).query(`SELECT id, organisation_id FROM app_user WHERE email = $1`, [email])) as {
        id: string;
        organisation_id: string;
      }[]
    )[0];
  const auditOf = async (userId: string): Promise<AuditRow[]> =>
    (await sut.db.dataSource()).query(
      `SELECT organisation_id, actor_id, action, entity, entity_id, before, after FROM audit_log
        WHERE entity = 'user' AND entity_id = $1 AND action LIKE 'auth.%' ORDER BY id`,
      [userId],
    );

  beforeAll(async () => {
    ({ api: sut } = await startDemoApi());
  });
  afterAll(async () => {
    await sut.close();
  });

  it('writes a failed login, a login and a password change, each naming the user, its organisation and, for a login, the address', async () => {
    const email = 'directeur@bellerive.demo';
    const user = await userOf(email);
    await http().post('/api/auth/login').send({ email, password: 'pas le bon mot de passe' }).expect(401);
    const login = await http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
    await http()
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${login.body.accessToken as string}`)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'un-nouveau-mot-de-passe-solide' })
      .expect(204);

    const rows = await auditOf(user.id);
    const common = { organisation_id: user.organisation_id, actor_id: user.id, entity: 'user', entity_id: user.id, before: null };
    expect(rows).toEqual([
      { ...common, action: 'auth.login_failed', after: { ip: expect.any(String) } },
      { ...common, action: 'auth.login', after: { ip: expect.any(String) } },
      { ...common, action: 'auth.password_changed', after: null },
    ]);
  });
});
