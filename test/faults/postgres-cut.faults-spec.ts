import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FaultsApi } from './support/http';
import { checkLedger, expectCleanLedger, Expected, figureSnapshot, lastAuditId, recordLedger } from './support/ledger';
import { FILE_TIMEOUT_MS, FUZZ_SEED, scale } from './support/mode';
import { PrivateRedis } from './support/private-redis';
import { LevierProcess } from './support/processes';
import { SummaryRecorder } from './support/summary';
import { csvOf, KeyAllocator, rng, sleep } from './support/workload';

jest.setTimeout(FILE_TIMEOUT_MS);

const CUTS = scale(4, 12);
const ROWS = scale(400, 500);
const PER_WAVE = scale(3, 5);

describe('PostgreSQL connections of the worker cut during applies', () => {
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

  it(`applies every submission once after ${CUTS} cuts (pg_terminate_backend) in the middle of transactions`, async () => {
    const ds: DataSource = await api.api.db.dataSource();
    const finance = await api.login('finance@valmont.demo');
    const appName = `levier-faults-worker-${randomBytes(3).toString('hex')}`;
    const url = new URL(api.api.db.url);
    url.searchParams.set('application_name', appName);
    const env = { DATABASE_URL: url.toString(), REDIS_URL: redis.url, QUEUE_PREFIX: api.api.queuePrefix };
    worker = LevierProcess.worker(env, 'postgres-cut');
    // like a process supervisor: a worker that died is started again, so the data checks below still run; its deaths are counted and fail the test
    let crashes = 0;
    const deaths: string[][] = [];
    const supervise = (): void => {
      if (!worker!.alive) {
        crashes += 1;
        deaths.push(worker!.lastWords());
        summary.note(`le worker est mort après une coupure PostgreSQL (voir test-artifacts/faults-logs/postgres-cut.log) ; redémarré`);
        worker = LevierProcess.worker(env, 'postgres-cut');
      }
    };
    const baseline = await figureSnapshot(ds);
    const since = await lastAuditId(ds);
    const keys = new KeyAllocator();
    const random = rng(FUZZ_SEED + 1);
    const expected = new Map<string, Expected>();
    let sent = 0;
    let inTransaction = 0;

    for (let c = 0; c < CUTS; c += 1) {
      for (let i = 0; i < PER_WAVE; i += 1) {
        const rows = keys.take(ROWS);
        const res = await api.submitFile(finance, Buffer.from(csvOf(rows), 'utf8'), `pg-${(sent += 1)}.csv`);
        expect(res.status).toBe(202);
        expected.set((res.body as { id: string }).id, { rows, outcome: 'applied' });
      }
      // a jitter for where in the apply the cut lands, then cut the worker's busy connections (in a query or a transaction)
      // in the same statement that finds them busy, so a loaded machine cannot let the transaction end in between
      await sleep(Math.floor(random() * 60));
      const deadline = Date.now() + 10_000;
      let hit = false;
      while (!hit && Date.now() < deadline) {
        const busy = (await ds.query(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
            WHERE application_name = $1 AND datname = current_database() AND state IN ('active', 'idle in transaction')`,
          [appName],
        )) as { ok: boolean }[];
        hit = busy.some((r) => r.ok);
        if (!hit) await sleep(5);
      }
      // and its idle pooled connections too: the whole pool is lost, as when PostgreSQL restarts
      await ds.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [appName]);
      if (hit) inTransaction += 1;
      summary.fault('PostgreSQL backends terminated');
      await sleep(300);
      supervise();
    }
    const watch = setInterval(supervise, 500);
    summary.add('submissions', expected.size);
    summary.add('inputsTried', sent);
    summary.note(`${inTransaction}/${CUTS} coupures pendant une requête ou une transaction du worker`);

    const report = await checkLedger(ds, expected, baseline, since, scale(90_000, 180_000)).finally(() => clearInterval(watch));
    recordLedger(summary, report);
    expectCleanLedger(report);
    supervise();
    expect({ workerCrashes: crashes, deaths }).toEqual({ workerCrashes: 0, deaths: [] });
    summary.add('faultsSurvived', CUTS);
    expect(inTransaction).toBeGreaterThanOrEqual(Math.ceil(CUTS / 2));
  });
});
