/**
 * `npm run build:server && node dist/bench/import-profile.js [--leaves 30] [--profile]`: the import of `npm run bench` at a
 * size one can afford on a shared machine (leaves × 20 services × 8 metrics × 60 months, files of 100 000 rows), against
 * the built API and worker on a database of its own, with a raw COPY of the same rows beside it. Prints, per submission,
 * when it was posted, claimed (first progress), finished; and how long the recomputes the import asked for took to
 * drain. `--profile` runs the API and worker under `node --cpu-prof` (profiles in bench/results/import-profile/) and
 * prints the worker's self time by source file. Numbers, not pass/fail.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { appDataSourceOptions } from '../apps/api/src/app-data-source-options';
import { runMigrations } from '../apps/api/src/cli/migration.command';
import { repoRoot } from '../apps/api/src/platform/repo-root';
import { BENCH_PASSWORD, createBenchTenant } from './bench-tenant';
import { freePort, login, startProduct, waitForQueuesIdle } from './bench-processes';
import { measureCopy, measureImport } from './measures';
import { describeCpu, productCpu } from './cpu-sampler';
import { figureCount, Scale, SCALES } from './scales';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) of a CPU profile by source file (dist paths shortened), the largest first. */
const selfTimeByFile = (profile: CpuProfile): [string, number][] => {
  const fileOf = new Map(
    profile.nodes.map((n) => [n.id, n.callFrame.url.replace(/^.*\/(dist|node_modules)\//, '$1/') || `(${n.callFrame.functionName || 'native'})`]),
  );
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const file = fileOf.get(id) ?? '?';
    totals.set(file, (totals.get(file) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
};

const main = async (): Promise<void> => {
  const leaves = Number(arg('leaves', '30'));
  const profile = process.argv.includes('--profile');
  const scale: Scale = { ...SCALES.M, leaves };
  const root = repoRoot();
  const baseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/levier');
  const dbName = `levier_import_profile_${process.pid}`;
  const adminUrl = Object.assign(new URL(baseUrl), { pathname: '/postgres' }).toString();
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const databaseUrl = Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString();
  const log = (s: string) => process.stdout.write(`${s}\n`);
  const [load1] = os.loadavg();
  log(`import profile — ${figureCount(scale).toLocaleString('fr-FR')} figures (${leaves} leaves), ${os.cpus().length} cores, load average ${load1.toFixed(2)}`);
  const profileDir = path.join(root, 'bench/results/import-profile');
  if (profile) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  await runMigrations(databaseUrl, () => undefined);
  const ds = await new DataSource(appDataSourceOptions(databaseUrl, { applicationName: 'levier-import-profile', poolSize: 2 })).initialize();
  try {
    const importer = await createBenchTenant(ds, scale, 'Profile import');
    const copier = await createBenchTenant(ds, scale, 'Profile copy');
    await ds.query('ANALYZE');
    const queuePrefix = `levier-import-profile-${process.pid}`;
    const product = await startProduct(
      root,
      { DATABASE_URL: databaseUrl, QUEUE_PREFIX: queuePrefix, JWT_SECRET: randomBytes(48).toString('base64url') },
      await freePort(),
      profile ? [`--cpu-prof`, `--cpu-prof-dir=${profileDir}`] : [],
    );
    let importSeconds = 0;
    let drainedSeconds = 0;
    try {
      const token = await login(product.url, importer.financeEmail, BENCH_PASSWORD);
      const imported = await measureImport(product.url, token, importer, scale, productCpu(product));
      importSeconds = imported.seconds;
      log(`  import through the pipeline: ${imported.rows} rows in ${imported.seconds.toFixed(2)} s (${Math.round(imported.rows / imported.seconds)} rows/s)`);
      if (imported.cpu) log(`  CPU during the import: ${describeCpu(imported.cpu)}`);
      const { postedSeconds, polls, slowestPollMs, slowestPollAtSeconds, pollTimeouts } = imported.polling;
      log(
        `  files posted in ${postedSeconds.toFixed(2)} s; ${polls} polls, the slowest ${slowestPollMs} ms at +${slowestPollAtSeconds.toFixed(1)} s, ${pollTimeouts} unanswered`,
      );
      const drained = await waitForQueuesIdle(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', queuePrefix);
      drainedSeconds = drained / 1000;
      log(`  queues drained ${drainedSeconds.toFixed(2)} s after the last submission was applied`);
    } finally {
      await product.stop();
      // the queues' keys of this run (its own prefix): nothing left in the shared Redis
      const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
      const keys = await redis.keys(`${queuePrefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
    const submissions = (await ds.query(`SELECT row_count, created_at, finished_at FROM submission WHERE organisation_id = $1 ORDER BY created_at`, [
      importer.id,
    ])) as { row_count: number; created_at: Date; finished_at: Date }[];
    const t0 = submissions[0]?.created_at.getTime() ?? 0;
    for (const s of submissions)
      log(
        `    submission of ${s.row_count} rows: posted +${((s.created_at.getTime() - t0) / 1000).toFixed(2)} s, finished +${((s.finished_at.getTime() - t0) / 1000).toFixed(2)} s`,
      );
    const recomputes = (await ds.query(
      `SELECT count(*)::int AS n, min(computed_at) AS first, max(computed_at) AS last FROM indicator_freshness WHERE organisation_id = $1`,
      [importer.id],
    )) as { n: number; first: Date | null; last: Date | null }[];
    log(
      `  read model: ${recomputes[0].n} periods fresh, last recompute +${recomputes[0].last ? ((recomputes[0].last.getTime() - t0) / 1000).toFixed(2) : '?'} s`,
    );
    const copied = await measureCopy(databaseUrl, copier, scale);
    log(`  raw COPY: ${copied.rows} rows in ${copied.seconds.toFixed(2)} s; ratio import/COPY speed ${(copied.seconds / importSeconds).toFixed(3)}`);
    if (profile) {
      for (const file of readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'))) {
        const top = selfTimeByFile(JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')) as CpuProfile);
        const total = top.reduce((sum, [, ms]) => sum + ms, 0);
        log(`  ${file}: ${(total / 1000).toFixed(1)} s sampled`);
        for (const [where, ms] of top.slice(0, 25)) log(`    ${(ms / 1000).toFixed(2).padStart(7)} s  ${where}`);
      }
    }
  } finally {
    await ds.destroy();
    const cleanup = new Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await cleanup.end();
  }
};

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`import profile failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
