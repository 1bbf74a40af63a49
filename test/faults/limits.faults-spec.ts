import { connect } from 'node:net';
import { TestingModule } from '@nestjs/testing';
import { startTestWorker, wipeQueueKeys } from '../setup/test-worker';
import { FaultsApi, problemIssue } from './support/http';
import { waitFinished } from './support/ledger';
import { FILE_TIMEOUT_MS, FULL } from './support/mode';
import { freePort } from './support/private-redis';
import { LevierProcess } from './support/processes';
import { SummaryRecorder } from './support/summary';
import { csvOf, KeyAllocator, sleep } from './support/workload';

jest.setTimeout(FILE_TIMEOUT_MS);

const UPLOAD_MAX_BYTES = 65_536;
const IMPORT_MAX_ROWS = 100;

describe('limits: oversized uploads, too many rows, deeply nested JSON, slow clients', () => {
  const summary = new SummaryRecorder(__filename);
  let api: FaultsApi;
  let worker: TestingModule;
  let finance: Record<string, string>;

  beforeAll(async () => {
    api = await FaultsApi.start(summary, { UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES), IMPORT_MAX_ROWS: String(IMPORT_MAX_ROWS) });
    worker = await startTestWorker(api.api.db.url, api.api.queuePrefix);
    finance = await api.login('finance@valmont.demo');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    if (api) await wipeQueueKeys(api.api.queuePrefix);
    summary.flush();
  });

  it('refuses an upload over UPLOAD_MAX_BYTES with a French 413, and stores nothing', async () => {
    const ds = await api.api.db.dataSource();
    const [{ n: before }] = (await ds.query(`SELECT count(*)::int AS n FROM submission`)) as { n: number }[];
    const res = await api.submitFile(finance, Buffer.alloc(UPLOAD_MAX_BYTES + 1, 0x41), 'enorme.csv');
    summary.add('inputsTried');
    expect(res.status).toBe(413);
    expect(problemIssue(res)).toBeNull();
    expect((res.body as { detail: string }).detail).toMatch(/taille maximale/);
    const [{ n: after }] = (await ds.query(`SELECT count(*)::int AS n FROM submission`)) as { n: number }[];
    expect(after).toBe(before);
  });

  it('refuses a JSON body over 2 MB with a French 413', async () => {
    const res = await api.request('POST', '/api/submissions', { headers: finance, json: { figures: [{ comment: 'x'.repeat(2.1 * 1024 * 1024) }] } });
    summary.add('inputsTried');
    expect(res.status).toBe(413);
    expect(problemIssue(res)).toBeNull();
  });

  it('rejects a file over IMPORT_MAX_ROWS as a whole, saying so, and writes nothing', async () => {
    const ds = await api.api.db.dataSource();
    const rows = new KeyAllocator().take(IMPORT_MAX_ROWS + 1);
    const res = await api.submitFile(finance, Buffer.from(csvOf(rows)), 'trop.csv');
    summary.add('inputsTried');
    expect(res.status).toBe(202);
    const id = (res.body as { id: string }).id;
    expect(await waitFinished(ds, [id], 30_000)).toEqual([]);
    const got = await api.request('GET', `/api/submissions/${id}`, { headers: finance });
    expect(got.body).toMatchObject({ status: 'rejected', appliedCount: 0 });
    expect((got.body as { errors: { message: string }[] }).errors[0].message).toMatch(/au-delà de la limite de 100/);
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE submission_id = $1`, [id])) as { n: number }[];
    expect(n).toBe(0);
  });

  it.each([
    ['arrays', (d: number) => `{"figures":${'['.repeat(d)}${']'.repeat(d)}}`],
    ['objects', (d: number) => `{"figures":[${'{"a":'.repeat(d)}1${'}'.repeat(d)}]}`],
    ['objects at the top', (d: number) => `${'{"figures":'.repeat(d)}[]${'}'.repeat(d)}`],
  ])('refuses deeply nested JSON (%s) with a French 400, never a 500', async (_label, make) => {
    for (const depth of [64, 2_000, 100_000]) {
      const res = await api.request('POST', '/api/submissions', { headers: finance, json: make(depth) });
      summary.add('inputsTried');
      expect({ depth, status: res.status }).toEqual({ depth, status: 400 });
      expect(problemIssue(res)).toBeNull();
      const put = await api.request('PUT', '/api/figures/00000000-0000-4000-8000-000000000000', {
        headers: finance,
        json: make(depth).replace('figures', 'value'),
      });
      summary.add('inputsTried');
      expect(put.status).toBeLessThan(500);
    }
  });

  // ≈ 30 s to detect a stalled client: only in the full form (npm run test:faults); skipped, and counted as skipped, in the fast one
  const slowIt = FULL ? it : it.skip;
  slowIt('closes the connection of a client that sends its headers too slowly (server timeouts of main.ts)', async () => {
    const port = await freePort();
    const child = LevierProcess.api(
      { DATABASE_URL: api.api.db.url, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: api.api.queuePrefix, PORT: String(port) },
      'limits-api',
    );
    try {
      for (let i = 0; i < 100; i += 1) {
        const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          () => true,
          () => false,
        );
        if (up) break;
        await sleep(200);
      }
      const started = Date.now();
      const closedAfter = await new Promise<number>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write('POST /api/auth/login HTTP/1.1\r\nHost: x\r\n');
          const drip = setInterval(() => socket.write('X-Slow: a\r\n'), 1000);
          socket.on('close', () => {
            clearInterval(drip);
            resolve(Date.now() - started);
          });
          setTimeout(() => reject(new Error('connexion lente toujours ouverte après 90 s')), 90_000).unref();
        });
        socket.on('error', () => undefined);
      });
      summary.note(`client lent coupé après ${(closedAfter / 1000).toFixed(1)} s`);
      expect(closedAfter).toBeLessThan(90_000);
    } finally {
      await child.stop();
    }
  });
});
