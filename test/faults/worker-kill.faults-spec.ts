import { DataSource } from 'typeorm';
import { FaultsApi } from './support/http';
import { checkLedger, expectCleanLedger, Expected, figureSnapshot, lastAuditId, recordLedger } from './support/ledger';
import { FILE_TIMEOUT_MS, FUZZ_SEED, scale } from './support/mode';
import { PrivateRedis } from './support/private-redis';
import { LevierProcess, ProcessEnv } from './support/processes';
import { SummaryRecorder } from './support/summary';
import { csvOf, KeyAllocator, rng, sleep } from './support/workload';

jest.setTimeout(FILE_TIMEOUT_MS);

const KILLS = scale(3, 12);
const ROWS = scale(300, 400);
const PER_WAVE = scale(4, 6);

/** Waits until the worker is inside a submission (validating: parsing, checking or applying), or `timeoutMs` passes. */
const untilValidating = async (ds: DataSource, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM submission WHERE status = 'validating'`)) as { n: number }[];
    if (n > 0) return true;
    await sleep(15);
  }
  return false;
};

describe('a worker killed with SIGKILL in the middle of imports', () => {
  const summary = new SummaryRecorder(__filename);
  let redis: PrivateRedis;
  let api: FaultsApi;
  let worker: LevierProcess | undefined;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    api = await FaultsApi.start(summary, { REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await redis?.stop();
    summary.flush();
  });

  it(`loses nothing and applies nothing twice over ${KILLS} kills at random points`, async () => {
    const ds = await api.api.db.dataSource();
    const finance = await api.login('finance@valmont.demo');
    const env: ProcessEnv = { DATABASE_URL: api.api.db.url, REDIS_URL: redis.url, QUEUE_PREFIX: api.api.queuePrefix };
    const baseline = await figureSnapshot(ds);
    const since = await lastAuditId(ds);
    const keys = new KeyAllocator();
    const random = rng(FUZZ_SEED);
    const expected = new Map<string, Expected>();
    let sent = 0;

    const wave = async (): Promise<void> => {
      for (let i = 0; i < PER_WAVE; i += 1, sent += 1) {
        const rows = keys.take(ROWS);
        const invalid = sent % 5 === 4; // one file in five carries a bad row: rejected as a whole, nothing written
        const csv = csvOf(rows) + (invalid ? 'VALMONT-NORD;SAAD;spend;2019-13;12\n' : '');
        const res = await api.submitFile(finance, Buffer.from(csv, 'utf8'), `lot-${sent}.csv`);
        expect(res.status).toBe(202);
        const { id } = res.body as { id: string };
        expected.set(id, { rows, outcome: invalid ? 'rejected' : 'applied' });
        if (sent % 3 === 0) {
          // the same file again (a client retry): the first submission, nothing new
          const again = await api.submitFile(finance, Buffer.from(csv, 'utf8'), `lot-${sent}-bis.csv`);
          expect(again.status).toBe(202);
          expect((again.body as { id: string }).id).toBe(id);
        }
      }
    };

    await wave();
    worker = LevierProcess.worker(env, 'worker-kill');
    let killsMidImport = 0;
    for (let k = 0; k < KILLS; k += 1) {
      await wave();
      const inside = await untilValidating(ds, 15_000);
      if (inside) killsMidImport += 1;
      await sleep(Math.floor(random() * 250));
      await worker.kill('SIGKILL');
      summary.fault('worker SIGKILL');
      worker = LevierProcess.worker(env, 'worker-kill');
    }
    summary.add('submissions', expected.size);
    summary.add('inputsTried', sent);
    summary.note(`${killsMidImport}/${KILLS} arrêts pendant une soumission en cours de traitement`);

    const report = await checkLedger(ds, expected, baseline, since, scale(150_000, 240_000));
    recordLedger(summary, report);
    expectCleanLedger(report);
    summary.add('faultsSurvived', KILLS);
    expect(killsMidImport).toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));
  });
});
