import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { appDataSourceOptions } from '../../apps/api/src/app-data-source-options';
import { checkLedger, Expected, figureSnapshot, lastAuditId, LedgerReport } from '../faults/support/ledger';
import { ProcessEnv } from '../faults/support/processes';
import { csvOf, KeyAllocator, sleep } from '../faults/support/workload';
import { PrivatePostgres } from './support/private-postgres';
import { Product } from './support/product';
import { RedisClusterGroup, SentinelGroup } from './support/redis-servers';
import { p95, ScaleSummary, writeScaleSummary } from './support/scale-summary';
import { waitQueuesIdle } from './support/queues-idle';

const FULL = process.env.SCALE_FULL === '1';
const WORKERS = 3;
const SUBMISSIONS = Number(process.env.SCALE_SUBMISSIONS ?? (FULL ? 40 : 8)); // per Redis topology
const ROWS = FULL ? 400 : 120;
const EDITS = FULL ? 20 : 6;
const DATABASE = 'levier_scale';

/** Scans of the read model on the replica: each one is a dashboard read the replica served (replay is no scan). */
const replicaReadModelScans = async (pg: PrivatePostgres): Promise<number> => {
  const [row] = await pg.query<{ n: string }>(
    pg.replicaUrl(DATABASE),
    `SELECT (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::text AS n FROM pg_stat_user_tables WHERE relname = 'indicator_value'`,
  );
  return Number(row.n);
};

/** Waits until some submission is being processed (a worker is inside an import), or `timeoutMs` passes. */
const untilValidating = async (ds: DataSource, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM submission WHERE status = 'validating'`)) as { n: number }[];
    if (n > 0) return true;
    await sleep(10);
  }
  return false;
};

describe('the pipeline beyond one machine: a PostgreSQL replica, Redis Sentinel and Redis Cluster, three workers', () => {
  const summary: ScaleSummary = {
    form: FULL ? 'full' : 'short',
    replicaReads: 0,
    editToDashboardP95Ms: null,
    sentinelFailovers: 0,
    clusterPrimariesKilled: 0,
    workers: WORKERS,
    submissions: 0,
    lost: 0,
    doubled: 0,
    notes: [],
  };
  const keys = new KeyAllocator();
  let pg: PrivatePostgres;
  let ds: DataSource;
  let sentinel: SentinelGroup | undefined;
  let cluster: RedisClusterGroup | undefined;
  let product: Product | undefined;

  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    await pg.createDatabase(DATABASE);
    ds = await new DataSource(appDataSourceOptions(pg.primaryUrl(DATABASE), { applicationName: 'levier-scale', poolSize: 4 })).initialize();
    await ds.runMigrations({ transaction: 'each' });
    await seedDemo(ds);
  });

  // each scenario's processes stop with it, passed or failed (a failed one must not leave workers behind)
  afterEach(async () => {
    await product?.stop();
    product = undefined;
  });

  afterAll(async () => {
    await sentinel?.stop();
    await cluster?.stop();
    await ds?.destroy();
    await pg?.stop();
    summary.sentinelFailovers = sentinel?.failovers ?? 0;
    summary.clusterPrimariesKilled = cluster?.primariesKilled ?? 0;
    writeScaleSummary(summary);
  });

  const baseEnv = (): ProcessEnv => ({
    DATABASE_URL: pg.primaryUrl(DATABASE),
    DATABASE_REPLICA_URLS: pg.replicaUrl(DATABASE),
    REDIS_URL: 'redis://127.0.0.1:6379', // credentials only: the servers come from the sentinels or the cluster nodes
    QUEUE_PREFIX: 'levier-scale',
  });

  /** Sends SUBMISSIONS files, running `fault` once a worker is inside an import halfway; then checks the ledger. */
  const importThrough = async (fault: () => Promise<void>): Promise<LedgerReport> => {
    const finance = await product!.login('finance@valmont.demo');
    const baseline = await figureSnapshot(ds);
    const since = await lastAuditId(ds);
    const expected = new Map<string, Expected>();
    for (let i = 0; i < SUBMISSIONS; i += 1) {
      if (i === SUBMISSIONS / 2) {
        expect(await untilValidating(ds, 20_000)).toBe(true);
        await fault();
      }
      const rows = keys.take(ROWS);
      const sent = await product!.submitCsv(finance, csvOf(rows), `lot-${i}.csv`);
      expect(sent.status).toBe(202);
      expected.set(sent.id, { rows, outcome: 'applied' });
    }
    const report = await checkLedger(ds, expected, baseline, since, FULL ? 240_000 : 100_000);
    summary.submissions += expected.size;
    summary.lost += report.figuresLost;
    summary.doubled += report.figuresDoubled;
    expect(product!.deaths()).toEqual([]);
    return report;
  };

  const expectClean = (report: LedgerReport): void =>
    expect({
      unfinished: report.unfinished,
      wrongOutcome: report.wrongOutcome,
      lost: report.figuresLost,
      doubled: report.figuresDoubled,
      partialWrites: report.partialWrites,
      chainBreaks: report.chainBreaks.slice(0, 5),
    }).toEqual({ unfinished: [], wrongOutcome: [], lost: 0, doubled: 0, partialWrites: 0, chainBreaks: [] });

  it('imports through a Sentinel failover with nothing lost or doubled, and edits reach the dashboard read on the replica', async () => {
    sentinel = await SentinelGroup.start('levier');
    product = await Product.start({ ...baseEnv(), REDIS_SENTINELS: sentinel.hosts, REDIS_SENTINEL_NAME: 'levier' }, WORKERS, 'scale-sentinel');

    const report = await importThrough(async () => {
      const before = await sentinel!.primaryPort();
      expect(await sentinel!.killPrimary()).not.toBe(before);
    });
    expectClean(report);
    expect(sentinel.failovers).toBe(1);

    // edit → dashboard: each edit (one figure per month) is written on the primary, the summary of its month is read on
    // the replica once it has replayed it.
    // on a quiet pipeline, as the bench measures it: the import's recomputes are done
    const idleMs = await waitQueuesIdle({ sentinels: sentinel.sentinels.map((n) => ({ host: '127.0.0.1', port: n.port })), name: 'levier' }, 'levier-scale');
    summary.notes.push(`files vides ${idleMs} ms après l’import`);
    const finance = await product.login('finance@valmont.demo');
    const filter = encodeURIComponent(
      JSON.stringify({ orgUnit: 'VALMONT-SUD', service: 'AED', metric: 'person_months', periodFrom: '2024-01', periodTo: '2024-12' }),
    );
    const found = await product.json<{ id: string; orgUnit: string; period: string; value: string }[]>(
      finance,
      `/api/figures?filter=${filter}&sort=${encodeURIComponent('["period","ASC"]')}&range=${encodeURIComponent(`[0,${EDITS - 1}]`)}`,
    );
    expect(found.status).toBe(200);
    expect(new Set(found.body.map((f) => f.period)).size).toBe(EDITS);
    // what the dashboard shows of the read model for one month: the figure, when it was computed, from which data
    const dashboard = async (period: string): Promise<string> => {
      const { body } = await product!.json<{ grossSavings: string; computedAt: string; dataAsOf: string }>(
        finance,
        `/api/indicators/summary?orgUnit=VALMONT-SUD&from=${period}&to=${period}`,
      );
      return JSON.stringify([body.grossSavings, body.computedAt, body.dataAsOf]);
    };
    const scansBefore = await replicaReadModelScans(pg);
    const latencies: number[] = [];
    for (const [i, figure] of found.body.entries()) {
      const current = await dashboard(figure.period);
      const started = performance.now();
      const put = await product.json(finance, `/api/figures/${figure.id}`, { method: 'PUT', body: { value: String(Number(figure.value) + 7) } });
      expect(put.status).toBe(200);
      let seen = current;
      for (const deadline = Date.now() + 60_000; seen === current && Date.now() < deadline;) {
        seen = await dashboard(figure.period);
        if (seen === current) await sleep(5);
      }
      expect({ edit: i, figure, dashboard: seen }).not.toEqual({ edit: i, figure, dashboard: current });
      latencies.push(performance.now() - started);
    }
    summary.replicaReads = (await replicaReadModelScans(pg)) - scansBefore;
    summary.editToDashboardP95Ms = p95(latencies);
    // each edit invalidated the cache and the next summary was computed on the replica, scanning the read model there
    expect(summary.replicaReads).toBeGreaterThanOrEqual(EDITS);
  });

  it('imports through the loss of a Redis Cluster primary with nothing lost or doubled', async () => {
    cluster = await RedisClusterGroup.start();
    product = await Product.start({ ...baseEnv(), REDIS_CLUSTER_NODES: cluster.hosts }, WORKERS, 'scale-cluster');
    // the queues' keys all share the slot of the hash tag {levier-scale}: killing its primary hits every queue at once
    const report = await importThrough(() => cluster!.killPrimaryOf('{levier-scale}'));
    expectClean(report);
    expect(cluster.primariesKilled).toBe(1);
  });
});
