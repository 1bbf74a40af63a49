import { DataSource } from 'typeorm';
import { FaultsApi } from './support/http';
import { checkLedger, expectCleanLedger, Expected, figureSnapshot, lastAuditId, recordLedger } from './support/ledger';
import { FILE_TIMEOUT_MS, scale } from './support/mode';
import { PrivateRedis } from './support/private-redis';
import { LevierProcess, ProcessEnv } from './support/processes';
import { SummaryRecorder } from './support/summary';
import { csvOf, KeyAllocator, sleep } from './support/workload';

jest.setTimeout(FILE_TIMEOUT_MS);

const ROUNDS = scale(1, 3);
const PER_WAVE = scale(6, 8);
// full: 3 rounds × 5 waves × 8 files × 280 rows = 33 600 fresh keys, within the 34 920 the allocator has (97 free years)
const ROWS = scale(200, 280);
/** A POST that stores the submission must answer even while Redis is away (the reconciler enqueues it later). */
const ACCEPT_WITHIN_MS = 6_000;
/** How long Redis stays down: longer than ACCEPT_WITHIN_MS, so a POST that waits for Redis fails the test. */
const DOWN_MS = scale(8_000, 12_000);

const untilValidating = async (ds: DataSource, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM submission WHERE status = 'validating'`)) as { n: number }[];
    if (n > 0) return;
    await sleep(15);
  }
};

describe('Redis losing every job while submissions are in flight', () => {
  const summary = new SummaryRecorder(__filename);
  let redis: PrivateRedis;
  let api: FaultsApi;
  let worker: LevierProcess | undefined;
  let ds: DataSource;
  let finance: Record<string, string>;
  const keys = new KeyAllocator();
  const expected = new Map<string, Expected>();
  let sent = 0;

  const wave = async (label: string, timeoutMs = ACCEPT_WITHIN_MS): Promise<void> => {
    await Promise.all(
      Array.from({ length: PER_WAVE }, async () => {
        const n = (sent += 1);
        const rows = keys.take(ROWS);
        const started = Date.now();
        const res = await api
          .submitFile(finance, Buffer.from(csvOf(rows), 'utf8'), `${label}-${n}.csv`, 'text/csv', `${label}-${n}`, timeoutMs)
          .catch((err: Error) => ({
            status: 0,
            body: { error: err.message },
          }));
        if (res.status !== 202) throw new Error(`${label}-${n} : ${res.status} ${JSON.stringify(res.body)} après ${Date.now() - started} ms`);
        expected.set((res.body as { id: string }).id, { rows, outcome: 'applied' });
      }),
    ).catch((err: Error) => {
      throw new Error(`POST /api/submissions pendant la panne (${timeoutMs} ms max) : ${err.message}`);
    });
  };

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    api = await FaultsApi.start(summary, { REDIS_URL: redis.url });
    ds = await api.api.db.dataSource();
    finance = await api.login('finance@valmont.demo');
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await redis?.stop();
    summary.add('submissions', expected.size);
    summary.add('inputsTried', sent);
    summary.flush();
  });

  it('recovers every submission after FLUSHALL and after a restart of Redis, without restarting the worker', async () => {
    const baseline = await figureSnapshot(ds);
    const since = await lastAuditId(ds);
    const env: ProcessEnv = { DATABASE_URL: api.api.db.url, REDIS_URL: redis.url, QUEUE_PREFIX: api.api.queuePrefix };
    worker = LevierProcess.worker(env, 'redis-loss');

    for (let round = 0; round < ROUNDS; round += 1) {
      // 1. FLUSHALL in the middle of imports: queued jobs, the running ones' locks and the job schedulers vanish
      await wave(`flush${round}-a`);
      await untilValidating(ds, 10_000);
      await redis.flushAll();
      summary.fault('Redis FLUSHALL');
      await wave(`flush${round}-b`);

      // 2. Redis killed and restarted empty, with submissions sent while it is down
      await untilValidating(ds, 10_000);
      await wave(`restart${round}-a`);
      const down = redis.restart(DOWN_MS);
      summary.fault('Redis restart');
      await sleep(200);
      await wave(`down${round}`);
      await down;
      await wave(`restart${round}-b`);
    }

    const report = await checkLedger(ds, expected, baseline, since, scale(90_000, 180_000));
    recordLedger(summary, report);
    expectCleanLedger(report);
    expect(worker.alive).toBe(true);
    summary.add('faultsSurvived', ROUNDS * 2);
  });
});
