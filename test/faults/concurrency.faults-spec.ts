import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { figureAuditEntries } from '../../apps/api/src/audit/figure-audit';
import { FaultsApi, HttpResult } from './support/http';
import { checkLedger, expectCleanLedger, Expected, figureSnapshot, lastAuditId, recordLedger, waitFinished } from './support/ledger';
import { FILE_TIMEOUT_MS, scale } from './support/mode';
import { PrivateRedis } from './support/private-redis';
import { LevierProcess, ProcessEnv } from './support/processes';
import { SummaryRecorder } from './support/summary';
import { KeyAllocator } from './support/workload';

jest.setTimeout(FILE_TIMEOUT_MS);

const SUBMISSIONS = scale(150, 1000);
const DUPLICATE_EVERY = 7;
const EDITS = scale(24, 80);

interface AuditRow {
  id: string;
  submissionId: string;
  before: string | null;
  after: string;
}

const chainOf = async (ds: DataSource, figureId: string): Promise<AuditRow[]> =>
  (await ds.query(
    `SELECT id::text AS id, submission_id AS "submissionId", before->>'value' AS before, after->>'value' AS after
       FROM (${figureAuditEntries({ organisation: null, figureId: '$1::text', onlyFigures: true })}) a
      WHERE action = 'figure.upsert' ORDER BY a.seq, a.ord`,
    [figureId],
  )) as AuditRow[];

const chainBreaks = (chain: readonly AuditRow[], initial: string | null, current: string): string[] => {
  const breaks: string[] = [];
  let previous = initial;
  for (const a of chain) {
    const same = a.before === previous || (a.before !== null && previous !== null && new Decimal(a.before).eq(previous));
    if (!same) breaks.push(`audit ${a.id} : avant ${a.before ?? 'NULL'} au lieu de ${previous ?? 'NULL'}`);
    previous = a.after;
  }
  if (previous === null || !new Decimal(previous).eq(current)) breaks.push(`dernier après ${previous ?? 'NULL'}, valeur ${current}`);
  return breaks;
};

describe('concurrent submissions and concurrent edits', () => {
  const summary = new SummaryRecorder(__filename);
  let redis: PrivateRedis;
  let api: FaultsApi;
  const workers: LevierProcess[] = [];
  let ds: DataSource;
  let finance: Record<string, string>;
  let admin: Record<string, string>;
  const keys = new KeyAllocator();

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    api = await FaultsApi.start(summary, { REDIS_URL: redis.url });
    ds = await api.api.db.dataSource();
    [finance, admin] = await Promise.all([api.login('finance@valmont.demo'), api.login('admin@valmont.demo')]);
    const env: ProcessEnv = { DATABASE_URL: api.api.db.url, REDIS_URL: redis.url, QUEUE_PREFIX: api.api.queuePrefix };
    // two worker processes, as a horizontally scaled deployment runs them
    workers.push(LevierProcess.worker(env, 'concurrency-1'), LevierProcess.worker(env, 'concurrency-2'));
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await api?.close();
    await redis?.stop();
    summary.flush();
  });

  it(`accounts for ${SUBMISSIONS} concurrent submissions, duplicates answered with the first id and applied once`, async () => {
    const baseline = await figureSnapshot(ds);
    const since = await lastAuditId(ds);
    const plan = Array.from({ length: SUBMISSIONS }, (_, i) => ({ key: `conc-${i}`, rows: keys.take(1 + (i % 4)) }));
    const sends = plan.flatMap((p, i) => (i % DUPLICATE_EVERY === 0 ? [p, p, p] : [p]));
    const answers = await Promise.all(
      sends.map(async (p, i) => ({ key: p.key, res: await api.submitJson(i % 2 ? finance : admin, { figures: p.rows }, p.key) })),
    );
    summary.add('inputsTried', sends.length);
    const statuses = answers.reduce<Record<number, number>>((acc, a) => ({ ...acc, [a.res.status]: (acc[a.res.status] ?? 0) + 1 }), {});
    expect(statuses).toEqual({ 202: sends.length });
    const idByKey = new Map<string, Set<string>>();
    for (const a of answers) idByKey.set(a.key, (idByKey.get(a.key) ?? new Set()).add((a.res.body as { id: string }).id));
    expect([...idByKey.values()].filter((ids) => ids.size !== 1)).toEqual([]);
    const replayed = answers.filter((a) => a.res.headers.get('idempotent-replayed') === 'true').length;
    expect(replayed).toBe(sends.length - plan.length);

    const expected = new Map<string, Expected>(plan.map((p) => [[...idByKey.get(p.key)!][0], { rows: p.rows, outcome: 'applied' as const }]));
    summary.add('submissions', expected.size);
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM submission WHERE idempotency_key LIKE 'key:conc-%'`)) as { n: number }[];
    expect(n).toBe(plan.length);
    const report = await checkLedger(ds, expected, baseline, since, scale(120_000, 300_000));
    recordLedger(summary, report);
    expectCleanLedger(report);
  });

  it(`resolves ${EDITS} concurrent edits of one figure (PUT and JSON submissions) to a consistent value with a complete audit chain`, async () => {
    const [figure] = (await ds.query(
      `SELECT f.id, f.value::text AS value, f.period FROM figure f JOIN org_unit u ON u.id = f.org_unit_id JOIN service s ON s.id = f.service_id JOIN metric m ON m.id = f.metric_id
        WHERE u.code = 'VALMONT-NORD' AND s.code = 'SAAD' AND m.code = 'hours' ORDER BY f.period DESC LIMIT 1`,
    )) as { id: string; value: string; period: string }[];
    const before = await chainOf(ds, figure.id);
    const initial = figure.value;
    const value = (k: number): string => String(700000 + k); // all distinct: every write changes the value
    const writes = await Promise.all(
      Array.from({ length: EDITS }, async (_, k): Promise<{ kind: 'put' | 'json'; res: HttpResult }> => {
        if (k % 3 === 2) {
          const res = await api.submitJson(finance, {
            figures: [{ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'hours', period: figure.period, value: value(k) }],
          });
          return { kind: 'json', res };
        }
        const res = await api.request('PUT', `/api/figures/${figure.id}`, {
          headers: k % 2 ? finance : admin,
          json: { value: value(k), reason: `édition ${k}` },
        });
        return { kind: 'put', res };
      }),
    );
    summary.add('inputsTried', writes.length);
    expect(writes.filter((w) => (w.kind === 'put' ? w.res.status !== 200 : w.res.status !== 202)).map((w) => `${w.res.status} ${w.res.text}`)).toEqual([]);
    const submissionIds = writes.filter((w) => w.kind === 'json').map((w) => (w.res.body as { id: string }).id);
    expect(await waitFinished(ds, submissionIds, 60_000)).toEqual([]);

    const chain = (await chainOf(ds, figure.id)).slice(before.length);
    const [{ value: current }] = (await ds.query(`SELECT value::text AS value FROM figure WHERE id = $1`, [figure.id])) as { value: string }[];
    const breaks = chainBreaks(chain, before.length ? before[before.length - 1].after : initial, current);
    summary.add('auditChainBreaks', breaks.length);
    if (breaks.length) summary.note(`édition concurrente : ${breaks.slice(0, 3).join(' ; ')}`);
    expect(breaks).toEqual([]);
    expect(chain).toHaveLength(EDITS);
    expect(new Set(chain.map((a) => a.submissionId)).size).toBe(EDITS);
  });

  it('records concurrent first writes of one new figure (JSON submissions on two workers) as one creation and a chain of changes', async () => {
    const [row] = keys.take(1);
    const n = scale(12, 40);
    const answers = await Promise.all(
      Array.from({ length: n }, (_, k) => api.submitJson(k % 2 ? finance : admin, { figures: [{ ...row, value: String(900 + k) }] })),
    );
    summary.add('inputsTried', n);
    const ids = answers.map((a) => (a.body as { id: string }).id);
    expect(await waitFinished(ds, ids, 60_000)).toEqual([]);
    const statuses = (await ds.query(`SELECT status, count(*)::int AS n FROM submission WHERE id = ANY($1::uuid[]) GROUP BY status`, [ids])) as {
      status: string;
      n: number;
    }[];
    expect(statuses).toEqual([{ status: 'applied', n }]);
    const [figure] = (await ds.query(
      `SELECT f.id, f.value::text AS value FROM figure f JOIN org_unit u ON u.id = f.org_unit_id JOIN service s ON s.id = f.service_id JOIN metric m ON m.id = f.metric_id
        WHERE u.code = $1 AND s.code = $2 AND m.code = $3 AND f.period = $4`,
      [row.orgUnit, row.service, row.metric, row.period],
    )) as { id: string; value: string }[];
    const chain = await chainOf(ds, figure.id);
    const breaks = chainBreaks(chain, null, figure.value);
    summary.add('auditChainBreaks', breaks.length);
    if (breaks.length) summary.note(`création concurrente : ${breaks.slice(0, 3).join(' ; ')}`);
    expect(breaks).toEqual([]);
    expect(chain).toHaveLength(n);
  });
});
