import { once } from 'node:events';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BenchTenant, csvFiles } from './bench-tenant';
import type { CpuSampler } from './cpu-sampler';
import { percentile } from './bench-processes';
import { yearsOfPeriods } from '../apps/api/src/figures/figure-partitions';
import { benchMonths, Scale } from './scales';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the bench saw while it polled the submissions: to tell a slow pipeline from a slow answer. */
export interface ImportPolling {
  /** Seconds from the first post to the last file's 202. */
  postedSeconds: number;
  polls: number;
  /** The slowest answer to `GET /api/submissions/:id`, and when it was asked (seconds from the first post). */
  slowestPollMs: number;
  slowestPollAtSeconds: number;
  /** Polls given up after POLL_TIMEOUT_MS without an answer (then asked again). */
  pollTimeouts: number;
}

/** Files generated before the import's clock starts (scale M has 29). */
const PREPARED_FILES = 40;

/** A poll that has not answered in this time is abandoned and counted, so one stalled answer cannot hide in the import's time. */
const POLL_TIMEOUT_MS = 15_000;

/**
 * File → submission → job → PostgreSQL, through the running API and worker, until every submission is applied; with a
 * sampler, the CPU each kind of process spent meanwhile.
 */
export const measureImport = async (
  url: string,
  token: string,
  tenant: BenchTenant,
  scale: Scale,
  cpu?: CpuSampler,
): Promise<{ rows: number; seconds: number; polling: ImportPolling; cpu?: ReturnType<CpuSampler['stop']> }> => {
  const files = csvFiles(tenant, scale, 100_000);
  // the files a finance director imports are on her disk before she posts them: the bench writes them before the clock
  // starts, up to PREPARED_FILES (scale L's 480 files would take ≈ 2 GB), then the rest as it goes
  // (files.next(), not a for…of with break, which would close the generator)
  const prepared: { rows: number; csv: string }[] = [];
  while (prepared.length < PREPARED_FILES) {
    const next = files.next();
    if (next.done) break;
    prepared.push(next.value);
  }
  function* all(): Generator<{ rows: number; csv: string }> {
    yield* prepared;
    yield* files;
  }
  cpu?.start();
  const started = Date.now();
  const ids: string[] = [];
  let rows = 0;
  for (const file of all()) {
    const form = new FormData();
    form.append('file', new Blob([file.csv], { type: 'text/csv' }), `bench-${ids.length}.csv`);
    const res = await fetch(`${url}/api/submissions`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    if (res.status !== 202) throw new Error(`import: ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { id: string }).id);
    rows += file.rows;
  }
  const polling: ImportPolling = { postedSeconds: (Date.now() - started) / 1000, polls: 0, slowestPollMs: 0, slowestPollAtSeconds: 0, pollTimeouts: 0 };
  for (const id of ids) {
    for (;;) {
      const asked = Date.now();
      polling.polls += 1;
      let res: Response;
      try {
        res = await fetch(`${url}/api/submissions/${id}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(POLL_TIMEOUT_MS) });
      } catch (err) {
        if (!(err instanceof Error && err.name === 'TimeoutError')) throw err;
        polling.pollTimeouts += 1;
        process.stderr.write(`  poll of submission ${id} unanswered after ${POLL_TIMEOUT_MS} ms (+${((asked - started) / 1000).toFixed(1)} s)\n`);
        continue;
      }
      if (!res.ok) throw new Error(`import: submission ${id} answered ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { status: string; errors: unknown[] };
      const tookMs = Date.now() - asked;
      if (tookMs > polling.slowestPollMs) Object.assign(polling, { slowestPollMs: tookMs, slowestPollAtSeconds: (asked - started) / 1000 });
      if (body.status === 'applied') break;
      if (body.status === 'rejected') throw new Error(`import rejected: ${JSON.stringify(body.errors.slice(0, 3))}`);
      await sleep(100);
    }
  }
  return { rows, seconds: (Date.now() - started) / 1000, polling, cpu: cpu?.stop() };
};

/**
 * Seconds from the first submission's creation to the last one's end, as the database recorded them: the pipeline's
 * own time, without the bench's polling.
 */
export const importDatabaseSeconds = async (databaseUrl: string, organisationId: string): Promise<number> => {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ seconds: string }>(
      `SELECT extract(epoch FROM max(finished_at) - min(created_at))::text AS seconds FROM submission WHERE organisation_id = $1`,
      [organisationId],
    );
    return Number(rows[0].seconds);
  } finally {
    await client.end();
  }
};

/**
 * A raw COPY of the same rows into the same table (figure), ids resolved beforehand. `leaves` limits it to the first
 * leaves (scale L copies a sample: see COPY_SAMPLE in run.ts); the rows per second are what is compared.
 */
export const measureCopy = async (
  databaseUrl: string,
  tenant: BenchTenant,
  scale: Scale,
  leaves: number = tenant.leafCodes.length,
): Promise<{ rows: number; seconds: number }> => {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = async (table: string): Promise<Map<string, string>> =>
      new Map(
        ((await client.query(`SELECT code, id FROM ${table} WHERE organisation_id = $1`, [tenant.id])).rows as { code: string; id: string }[]).map((r) => [
          r.code,
          r.id,
        ]),
      );
    const [units, services, metrics] = [await ids('org_unit'), await ids('service'), await ids('metric')];
    const months = benchMonths(scale);
    // figure has no default partition: the years copied must have theirs (migration 1795870000000)
    await client.query(`SELECT levier_ensure_figure_partition(y) FROM unnest($1::int[]) AS y`, [yearsOfPeriods(months)]);
    function* lines(): Generator<string> {
      let n = 0;
      let batch: string[] = [];
      for (const unit of tenant.leafCodes.slice(0, leaves))
        for (const service of tenant.serviceCodes)
          for (const metric of tenant.metricCodes)
            for (const period of months) {
              n += 1;
              const value = metric === 'spend' ? `${8000 + (n % 4000)}.37` : String(20 + (n % 80));
              batch.push(`${tenant.id}\t${units.get(unit)}\t${services.get(service)}\t${metrics.get(metric)}\t${period}\t${value}\tdraft\timport\n`);
              if (batch.length === 10_000) {
                yield batch.join('');
                batch = [];
              }
            }
      if (batch.length > 0) yield batch.join('');
    }
    const started = Date.now();
    const stream = client.query(copyFrom(`COPY figure (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source) FROM STDIN`));
    await pipeline(Readable.from(lines()), stream);
    const seconds = (Date.now() - started) / 1000;
    return { rows: Number(stream.rowCount), seconds };
  } finally {
    await client.end();
  }
};

/** Edit one figure through the API, then poll the dashboard summary until it shows the change. */
export const measureEditToDashboard = async (url: string, token: string, tenant: BenchTenant, samples: number): Promise<number[]> => {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const unit = tenant.leafCodes[0];
  const filter = encodeURIComponent(JSON.stringify({ orgUnit: unit, service: tenant.serviceCodes[0], metric: 'person_months', period: '2024-06' }));
  const [figure] = (await (await fetch(`${url}/api/figures?filter=${filter}`, { headers })).json()) as { id: string; value: string }[];
  const summaryUrl = `${url}/api/indicators/summary?orgUnit=${unit}&from=2024-06&to=2024-06`;
  const latencies: number[] = [];
  let current = (await (await fetch(summaryUrl, { headers })).json()) as { grossSavings: string };
  for (let i = 0; i < samples; i += 1) {
    const value = String(50 + ((i * 7) % 40) + 1);
    const started = performance.now();
    const put = await fetch(`${url}/api/figures/${figure.id}`, { method: 'PUT', headers, body: JSON.stringify({ value }) });
    if (!put.ok) throw new Error(`edit: ${put.status} ${await put.text()}`);
    for (let polls = 0; polls < 500; polls += 1) {
      const next = (await (await fetch(summaryUrl, { headers })).json()) as { grossSavings: string };
      if (next.grossSavings !== current.grossSavings) {
        current = next;
        break;
      }
      await sleep(5);
    }
    latencies.push(performance.now() - started);
  }
  return latencies;
};

/** `clients` concurrent loops on dashboard endpoints for `seconds`; latencies and non-2xx count. */
export const measureApiLoad = async (
  url: string,
  token: string,
  tenant: BenchTenant,
  clients: number,
  seconds: number,
): Promise<{ latencies: number[]; errors: number; requests: number }> => {
  const headers = { authorization: `Bearer ${token}` };
  const until = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  const paths = (i: number): string => {
    const unit = i % 3 === 0 ? tenant.rootCode : tenant.leafCodes[i % tenant.leafCodes.length];
    const year = 2020 + (i % 5);
    return i % 2 === 0
      ? `/api/indicators/summary?orgUnit=${unit}&from=${year}-01&to=${year}-12`
      : `/api/indicators/series?orgUnit=${unit}&from=${year}-01&to=${year}-12&groupBy=period&granularity=month`;
  };
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = client; Date.now() < until; i += clients) {
        const started = performance.now();
        try {
          const res = await fetch(`${url}${paths(i)}`, { headers });
          await res.arrayBuffer();
          if (!res.ok) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { latencies, errors, requests: latencies.length };
};

export const summarise = (values: readonly number[]) => ({ p50: percentile(values, 0.5), p95: percentile(values, 0.95) });
export { once };
