import { TestingModule } from '@nestjs/testing';
import { Job } from 'bullmq';
import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { JobProducer } from '../../apps/api/src/platform/queue/job-producer';
import { loadConfig } from '../../apps/api/src/platform/config/app-config';
import { runOperator } from '../../apps/api/src/cli/operator.command';
import { createTestApi, TestApi } from '../setup/test-app';
import { loginAs } from '../setup/demo-session';
import { startTestWorker } from '../setup/test-worker';

type Auth = { Authorization: string };
const BOARD = '/api/operations/queues';
const QUEUES_API = `${BOARD}/api/queues`;

const waitForFailed = async (job: Job): Promise<void> => {
  const deadline = Date.now() + 20_000;
  while ((await job.getState()) !== 'failed') {
    if (Date.now() > deadline) throw new Error(`job ${job.id ?? '?'} not failed in time: ${await job.getState()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('Operations view: Bull Board at /api/operations/queues (issue 17, item 7)', () => {
  let api: TestApi;
  let worker: TestingModule;
  let ccasAdmin: Auth;
  let viewer: Auth;
  let readOnlyOperator: Auth;
  let retryingOperator: Auth;
  let failedJobId: string;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await createTestApi();
    const ds = await api.db.dataSource();
    await seedDemo(ds);
    // instance operators are granted outside the API, from the command line: one of Bellerive, one of Valmont
    const io = { stdout: () => undefined, stderr: (line: string) => process.stderr.write(line) };
    expect(await runOperator(loadConfig(), 'grant', ['--email', 'directeur@bellerive.demo'], io)).toBe(0);
    expect(await runOperator(loadConfig(), 'grant', ['--email', 'directeur@valmont.demo', '--retry'], io)).toBe(0);
    worker = await startTestWorker(api.db.url, api.queuePrefix);
    [ccasAdmin, viewer, readOnlyOperator, retryingOperator] = await Promise.all(
      ['admin@valmont.demo', 'lecteur@valmont.demo', 'directeur@bellerive.demo', 'directeur@valmont.demo'].map((email) => loginAs(api.app, email)),
    );
    // a recompute that cannot succeed (no such organisation id), once, so that it fails at once with its cause
    const queue = api.app.get(JobProducer).queue('indicators');
    const job = await queue.add('recompute', { organisationId: 'pas-un-identifiant', periods: ['2024-01'] }, { attempts: 1 });
    await waitForFailed(job);
    failedJobId = job.id as string;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('answers 401 without a session, on the page and on its API', async () => {
    await http().get(`${BOARD}/`).expect(401);
    const res = await http().get(QUEUES_API).expect(401);
    expect(res.body.detail).toMatch(/Session absente ou expirée/);
    await http().get(QUEUES_API).set({ Authorization: 'Bearer pas-un-jeton' }).expect(401);
    await http().get(QUEUES_API).set('Cookie', 'levier_queue_board=pas-un-jeton').expect(401);
  });

  it('answers 403 to a CCAS administrator and to a viewer: the board shows every organisation’s jobs', async () => {
    for (const auth of [ccasAdmin, viewer]) {
      const res = await http().get(QUEUES_API).set(auth).expect(403);
      expect(res.body.detail).toBe('Tableau des files d’attente réservé aux opérateurs de l’instance.');
      await http().get(`${BOARD}/`).set(auth).expect(403);
      await http().post('/api/operations/queue-board-session').set(auth).expect(403);
      expect((await http().get('/api/operations/me').set(auth).expect(200)).body).toEqual({ operator: false, mayRetry: false });
    }
  });

  it('shows an instance operator every queue with its waiting, active, delayed and failed counts, and the page itself', async () => {
    const res = await http().get(QUEUES_API).set(readOnlyOperator).expect(200);
    const queues = res.body.queues as { name: string; counts: Record<string, number> }[];
    expect(queues.map((q) => q.name).sort()).toEqual(['figures', 'indicators', 'reports']);
    for (const q of queues) expect(Object.keys(q.counts)).toEqual(expect.arrayContaining(['waiting', 'active', 'delayed', 'failed']));
    expect(queues.find((q) => q.name === 'indicators')?.counts.failed).toBe(1);
    const page = await http().get(`${BOARD}/`).set(readOnlyOperator).expect(200);
    expect(page.text).toContain('Levier — files d’attente');
    // its scripts are served from the board's own path, behind the same gate, and allowed by the CSP (script-src 'self')
    expect(page.text).toMatch(/<base href="\/api\/operations\/queues\/?"/);
    const script = /<script defer src="(static\/js\/main\.[\w.]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    await http()
      .get(`${BOARD}/${script ?? ''}`)
      .expect(401);
    const asset = await http()
      .get(`${BOARD}/${script ?? ''}`)
      .set(readOnlyOperator)
      .expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('shows a failed job with its cause, in French, through the board’s API', async () => {
    const res = await http().get(`${QUEUES_API}?activeQueue=indicators&status=failed&page=1&jobsPerPage=10`).set(readOnlyOperator).expect(200);
    const indicators = (res.body.queues as { name: string; jobs: { id: string; failedReason: string }[] }[]).find((q) => q.name === 'indicators');
    const failed = indicators?.jobs.find((j) => j.id === failedJobId);
    expect(failed?.failedReason).toMatch(/^Recalcul des indicateurs de l’organisation pas-un-identifiant \(périodes 2024-01\) en échec : .+/);
  });

  it('opens the board in a new tab through a cookie set for operators only, valid under the board’s path alone', async () => {
    expect((await http().get('/api/operations/me').set(readOnlyOperator).expect(200)).body).toEqual({ operator: true, mayRetry: false });
    const session = await http().post('/api/operations/queue-board-session').set(readOnlyOperator).expect(200);
    expect(session.body).toEqual({ url: `${BOARD}/` });
    const setCookie = (session.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('levier_queue_board='));
    expect(setCookie).toMatch(/Path=\/api\/operations\/queues;/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = (setCookie as string).split(';')[0];
    await http().get(QUEUES_API).set('Cookie', cookie).expect(200);
    // the cookie opens the board, not the rest of the API
    await http().get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  it('refuses retries to a read-only operator, and every other write to all operators', async () => {
    const retry = await http().put(`${QUEUES_API}/indicators/${failedJobId}/retry`).set(readOnlyOperator).expect(403);
    expect(retry.body.detail).toMatch(/Relance des tâches réservée/);
    await http().put(`${QUEUES_API}/indicators/retry/failed`).set(readOnlyOperator).expect(403);
    for (const [method, path] of [
      ['put', `${QUEUES_API}/indicators/clean/failed`],
      ['put', `${QUEUES_API}/indicators/empty`],
      ['put', `${QUEUES_API}/indicators/pause`],
      ['put', `${QUEUES_API}/indicators/obliterate`],
      ['put', `${QUEUES_API}/indicators/${failedJobId}/clean`],
      ['post', `${QUEUES_API}/indicators/add`],
    ] as const) {
      const res = await http()[method](path).set(retryingOperator).send({}).expect(403);
      expect(res.body.detail).toMatch(/lecture seule/);
    }
    const counts = (await http().get(QUEUES_API).set(readOnlyOperator).expect(200)).body.queues as { name: string; counts: Record<string, number> }[];
    expect(counts.find((q) => q.name === 'indicators')?.counts.failed).toBe(1);
  });

  it('lets an operator allowed to retry retry a failed job (which fails again with the same cause)', async () => {
    await http().put(`${QUEUES_API}/indicators/${failedJobId}/retry`).set(retryingOperator).expect(204);
    const job = await api.app.get(JobProducer).queue('indicators').getJob(failedJobId);
    expect(job).toBeDefined();
    await waitForFailed(job as Job);
    const again = await api.app.get(JobProducer).queue('indicators').getJob(failedJobId);
    expect(again?.failedReason).toMatch(/^Recalcul des indicateurs de l’organisation pas-un-identifiant/);
    expect(again?.attemptsStarted).toBe(2);
  });

  it('grants, lists and revokes instance operators from the command line only, audited, effective on the next request', async () => {
    const out: string[] = [];
    const io = { stdout: (line: string) => out.push(line), stderr: (line: string) => out.push(line) };
    expect(await runOperator(loadConfig(), 'list', [], io)).toBe(0);
    expect(out.pop()).toBe('directeur@bellerive.demo (lecture seule)\ndirecteur@valmont.demo (peut relancer)');
    expect(await runOperator(loadConfig(), 'grant', ['--email', 'personne@nulle-part.fr'], io)).toBe(2);
    expect(out.pop()).toBe('Aucun compte pour personne@nulle-part.fr.');
    expect(await runOperator(loadConfig(), 'revoke', ['--email', 'directeur@bellerive.demo'], io)).toBe(0);
    await http().get(QUEUES_API).set(readOnlyOperator).expect(403);
    expect(await runOperator(loadConfig(), 'revoke', ['--email', 'directeur@bellerive.demo'], io)).toBe(2);
    expect(await runOperator(loadConfig(), 'grant', ['--email', 'directeur@bellerive.demo'], io)).toBe(0);
    await http().get(QUEUES_API).set(readOnlyOperator).expect(200);
    const audit: { action: string; before: unknown; after: unknown }[] = await (
      await api.db.dataSource()
    ).query(
      `SELECT a.action, a.before, a.after FROM audit_log a JOIN app_user u ON u.id::text = a.entity_id
        WHERE a.entity = 'user' AND a.action LIKE 'operator.%' AND u.email = 'directeur@bellerive.demo' ORDER BY a.id`,
    );
    expect(audit).toEqual([
      { action: 'operator.grant', before: null, after: { operator: true, mayRetry: false } },
      { action: 'operator.revoke', before: { operator: true, mayRetry: false }, after: null },
      { action: 'operator.grant', before: null, after: { operator: true, mayRetry: false } },
    ]);
  });
});
