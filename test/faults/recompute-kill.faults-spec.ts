import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { oracle, readModel, readModelProblems } from '../integration/read-model-check';
import { FaultsApi } from './support/http';
import { waitFinished } from './support/ledger';
import { FILE_TIMEOUT_MS, scale } from './support/mode';
import { PrivateRedis } from './support/private-redis';
import { LevierProcess, ProcessEnv } from './support/processes';
import { SummaryRecorder } from './support/summary';
import { csvOf, FigureRow, sleep } from './support/workload';

jest.setTimeout(FILE_TIMEOUT_MS);

/** Kills: the recompute an import asks for, then (full form) each of its re-runs. */
const KILLS = scale(1, 3);
/** Fresh figures of the import: 100 (full: 156) new monthly periods to recompute, 30 series a month. */
const MONTHS = scale(100, 156);

/**
 * Figures of the demo's two antennes, three monthly services and five metrics, month after month from January 2010:
 * years the demo leaves empty but for which it has a price index (conventions 2 converts spending to constant euros).
 */
const figureRows = (months: number): FigureRow[] =>
  Array.from({ length: months }, (_, m) => `${2010 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`).flatMap((period, m) =>
    ['VALMONT-NORD', 'VALMONT-SUD'].flatMap((orgUnit) =>
      ['PORTAGE_REPAS', 'SAAD', 'AED'].flatMap((service, s) =>
        ['spend', 'beneficiaries', 'person_months', 'hours', 'meals'].map((metric, k) => ({
          orgUnit,
          service,
          metric,
          period,
          value: String(metric === 'spend' ? 20_000 + ((m * 37 + s * 11) % 5_000) : 10 + ((m + s + k) % 40)),
        })),
      ),
    ),
  );

/**
 * The worker's connection inside a recompute's transaction: it has written (a transaction id) and is on the statements
 * of the recompute (its temporary rm_* tables, the read model). Polled every few milliseconds, SIGKILL as soon as seen.
 */
const RECOMPUTE_IN_PROGRESS = `SELECT pid FROM pg_stat_activity
  WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
    AND state IN ('active', 'idle in transaction') AND query ~ '(rm_(resp|leaf|val|period|fund)|indicator_value)'`;

const untilRecomputing = async (watch: Client, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await watch.query(RECOMPUTE_IN_PROGRESS)).rowCount! > 0) return true;
    await sleep(3);
  }
  return false;
};

/**
 * Issue 15: a worker SIGKILLed in the middle of a recompute job. The recompute runs in one transaction, so the kill
 * rolls it back, and BullMQ hands the stalled job to the next worker: the read model must end exactly as the engine
 * computes it from every stored figure (the oracle of test/integration/recompute-oracle.ts), none of the imported
 * figures missing. A real worker process (dist/), its own Redis, the real API for the import.
 */
describe('a worker killed with SIGKILL in the middle of a recompute', () => {
  const summary = new SummaryRecorder(__filename);
  let redis: PrivateRedis;
  let api: FaultsApi;
  let worker: LevierProcess | undefined;
  let watch: Client | undefined;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    api = await FaultsApi.start(summary, { REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await watch?.end();
    await worker?.stop();
    await api?.close();
    await redis?.stop();
    summary.flush();
  });

  it(`ends with the read model of a clean recompute, nothing lost, after ${KILLS} kill(s) inside the recompute's transaction`, async () => {
    const ds: DataSource = await api.api.db.dataSource();
    const [{ organisationId }] = (await ds.query(`SELECT organisation_id AS "organisationId" FROM org_unit WHERE code = 'VALMONT'`)) as {
      organisationId: string;
    }[];
    const env: ProcessEnv = { DATABASE_URL: api.api.db.url, REDIS_URL: redis.url, QUEUE_PREFIX: api.api.queuePrefix };
    watch = new Client({ connectionString: api.api.db.url });
    await watch.connect();
    const problems = async (): Promise<string[]> => readModelProblems(await readModel(ds, organisationId), await oracle(ds, organisationId));
    expect(await problems()).toEqual([]); // the seeded read model is the oracle's to begin with

    // the import waits for a worker; the worker applies it, then runs the recompute it asks for
    const finance = await api.login('finance@valmont.demo');
    const rows = figureRows(MONTHS);
    const res = await api.submitFile(finance, Buffer.from(csvOf(rows), 'utf8'), 'recalcul-interrompu.csv');
    expect(res.status).toBe(202);
    const { id } = res.body as { id: string };
    worker = LevierProcess.worker(env, 'recompute-kill');
    const periods = new Set(rows.map((r) => r.period));

    for (let k = 0; k < KILLS; k += 1) {
      // a killed run comes back once BullMQ sees its lock expire (30 s): allow for that
      expect(await untilRecomputing(watch, 120_000)).toBe(true);
      await worker.kill('SIGKILL');
      if (k === 0) expect(await waitFinished(ds, [id], 1_000)).toEqual([]); // the import was applied before its recompute began
      summary.fault('worker SIGKILL during a recompute');
      // rolled back: none of the import's periods is in the read model yet, which therefore differs from the oracle
      const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM indicator_value WHERE organisation_id = $1 AND basis = 'current' AND period = ANY($2)`, [
        organisationId,
        [...periods],
      ])) as { n: number }[];
      expect(n).toBe(0);
      expect((await problems()).length).toBeGreaterThan(0);
      worker = LevierProcess.worker(env, 'recompute-kill');
    }

    // the last worker re-runs the stalled job to the end
    const deadline = Date.now() + scale(150_000, 240_000);
    let left = await problems();
    while (left.length > 0 && Date.now() < deadline) {
      await sleep(1_000);
      left = await problems();
    }
    expect(left.slice(0, 20)).toEqual([]);
    // nothing lost: every period of the import is in the read model, for the two antennes and their parent
    const [{ covered }] = (await ds.query(
      `SELECT count(DISTINCT period)::int AS covered FROM indicator_value WHERE organisation_id = $1 AND basis = 'current' AND period = ANY($2)`,
      [organisationId, [...periods]],
    )) as { covered: number }[];
    expect(covered).toBe(periods.size);
    summary.add('submissions');
    summary.add('faultsSurvived', KILLS);
  });
});
