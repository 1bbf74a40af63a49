/**
 * `npm run bench [-- --scale S|M|L]`: measures the targets of docs/product-rules.md#targets on this machine, in one run, against the built
 * product (API and worker as child processes, a fresh database, a queue prefix of its own), prints one table and writes
 * bench/results/latest.json. Numbers, not pass/fail: this is not a test.
 */
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { appDataSourceOptions } from '../apps/api/src/app-data-source-options';
import { TenantDb } from '../apps/api/src/platform/database/tenant-db';
import { IndicatorInputsRepository } from '../apps/api/src/indicators/savings/indicator-inputs.repository';
import { ServiceFundingRepository } from '../apps/api/src/funding/service-funding.repository';
import { RecomputeService } from '../apps/api/src/indicators/savings/recompute.service';
import { runMigrations } from '../apps/api/src/cli/migration.command';
import { repoRoot } from '../apps/api/src/platform/repo-root';
import { BENCH_PASSWORD, createBenchTenant, fillFigures } from './bench-tenant';
import { freePort, login, startProduct, waitForQueuesIdle } from './bench-processes';
import { importDatabaseSeconds, measureApiLoad, measureCopy, measureEditToDashboard, measureImport, summarise } from './measures';
import { describeCpu, productCpu } from './cpu-sampler';
import { adminBundleGzipKb, adminFirstLoadMs } from './admin-measures';
import { measureEmails, startCountingSmtp } from './email-measures';
import { measureSimulationPreview } from './simulation-measures';
import { measureDossier } from './document-measures';
import { figureCount, Scale, SCALES } from './scales';
import { measureStorage } from './storage-measures';
import { logSlowPlans, watchSlowStatements } from './slow-statements';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

/**
 * Leaves of the raw COPY: every one up to M; at L a sixteenth (312 leaves, 2 995 200 rows, the size of M), copied into
 * the same table after 96 M figures, so its rows per second are those of that table at that size. Copying all 48 M
 * would add ≈ 18 GB and a quarter of an hour to a run that already needs most of this machine's disk.
 */
const copyLeaves = (scale: Scale): number => (scale.name === 'L' ? Math.ceil(scale.leaves / 16) : scale.leaves);

const main = async (): Promise<void> => {
  const scale: Scale = SCALES[arg('scale', 'S').toUpperCase() as Scale['name']] ?? SCALES.S;
  const root = repoRoot();
  const baseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/levier');
  const dbName = `levier_bench_${scale.name.toLowerCase()}`;
  const admin = new Client({ connectionString: Object.assign(new URL(baseUrl), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  const databaseUrl = Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString();
  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(
    `Levier bench — scale ${scale.name} (${figureCount(scale).toLocaleString('fr-FR')} figures), ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  );
  await runMigrations(databaseUrl, () => undefined);
  const superuser = new Client({ connectionString: Object.assign(new URL(baseUrl), { pathname: '/postgres' }).toString() });
  await superuser.connect();
  const noPlans = await logSlowPlans(superuser, dbName);
  await superuser.end();
  log(noPlans === null ? "  plans of statements over 5 s go to PostgreSQL's log (auto_explain)" : `  plans of slow statements not logged: ${noPlans}`);
  const ds = await new DataSource(appDataSourceOptions(databaseUrl, { applicationName: 'levier-bench', poolSize: 4 })).initialize();
  const results: Record<string, unknown> = {};
  try {
    const main = await createBenchTenant(ds, scale, 'Bench main');
    const importer = await createBenchTenant(ds, scale, 'Bench import');
    const copier = await createBenchTenant(ds, scale, 'Bench copy');
    const seeded = await fillFigures(ds, main, scale);
    log(`  ${seeded} figures generated`);
    // statistics as autovacuum would have them after a bulk load: the planner otherwise estimates a handful of rows
    await ds.query('ANALYZE');

    const recompute = new RecomputeService(new TenantDb(ds), new IndicatorInputsRepository(new ServiceFundingRepository()));
    const started = Date.now();
    const { rows } = await recompute.recompute(main.id, []);
    const recomputeSeconds = (Date.now() - started) / 1000;
    log(`  full recompute: ${rows} read-model rows in ${recomputeSeconds.toFixed(1)} s`);

    const queuePrefix = `levier-bench-${process.pid}`;
    const smtp = await startCountingSmtp();
    const product = await startProduct(
      root,
      {
        DATABASE_URL: databaseUrl,
        QUEUE_PREFIX: queuePrefix,
        JWT_SECRET: randomBytes(48).toString('base64url'),
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        // one sign-in drives the whole import: at L it lasts longer than the default 15 minutes of an access token
        ACCESS_TOKEN_TTL_SECONDS: '7200',
      },
      await freePort(),
    );
    try {
      const importToken = await login(product.url, importer.financeEmail, BENCH_PASSWORD);
      const watch = await watchSlowStatements(databaseUrl);
      const imported = await measureImport(product.url, importToken, importer, scale, productCpu(product));
      const slowStatements = await watch.stop();
      const importDbSeconds = await importDatabaseSeconds(databaseUrl, importer.id);
      log(
        `  import through the pipeline: ${imported.rows} rows in ${imported.seconds.toFixed(1)} s (${importDbSeconds.toFixed(1)} s in the database, ` +
          `slowest poll ${imported.polling.slowestPollMs} ms at +${imported.polling.slowestPollAtSeconds.toFixed(1)} s, ${imported.polling.pollTimeouts} unanswered)`,
      );
      if (imported.cpu) log(`  CPU during the import: ${describeCpu(imported.cpu)}`);
      log(`  statements over 5 s during the import: ${slowStatements.length}`);
      for (const s of slowStatements.slice(0, 10)) {
        log(
          `    ${s.seconds} s from +${s.startedAtSeconds} s (${s.application}${s.waitingFor ? `, waiting for ${s.waitingFor}` : ''}): ${s.query.slice(0, 160)}`,
        );
      }
      const copied = await measureCopy(databaseUrl, copier, scale, copyLeaves(scale));
      log(`  raw COPY: ${copied.rows} rows in ${copied.seconds.toFixed(2)} s${copied.rows < figureCount(scale) ? ' (a sample of the scale)' : ''}`);

      // steady state for the latency measures: the recomputes the import enqueued are done first
      const drained = await waitForQueuesIdle(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', queuePrefix);
      log(`  queues drained after the import in ${(drained / 1000).toFixed(1)} s`);
      const token = await login(product.url, main.financeEmail, BENCH_PASSWORD);
      const edits = await measureEditToDashboard(product.url, token, main, 20);
      const load = await measureApiLoad(product.url, token, main, scale.clients, scale.loadSeconds);
      const directorToken = await login(product.url, main.directorEmail, BENCH_PASSWORD);
      const simulation = await measureSimulationPreview(product.url, directorToken, main, 40).catch((err: Error) => ({ error: err.message }));
      const dossier = await measureDossier(product.url, directorToken, main).catch((err: Error) => ({ error: err.message }));
      const emails = await measureEmails(product.url, directorToken, main, scale, smtp).catch((err: Error) => ({ error: err.message }));
      smtp.close();
      const bundle = adminBundleGzipKb(root);
      const firstLoad = await adminFirstLoadMs(product.url).catch((err: Error) => {
        log(`  admin first load not measured: ${err.message}`);
        return null;
      });
      const memory = product.memoryPeaksMb();

      const commit = (() => {
        try {
          return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
        } catch {
          return 'unknown';
        }
      })();
      const importRowsPerSec = imported.rows / imported.seconds;
      const copyRowsPerSec = copied.rows / copied.seconds;
      const edit = summarise(edits);
      const api = summarise(load.latencies);
      Object.assign(results, {
        scale: scale.name,
        figures: figureCount(scale),
        machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, cpu: os.cpus()[0]?.model },
        date: new Date().toISOString(),
        commit,
        importRowsPerSec: Math.round(importRowsPerSec),
        importSeconds: imported.seconds,
        importDatabaseSeconds: importDbSeconds,
        importPolling: imported.polling,
        importCpuSeconds: imported.cpu?.cpuSeconds ?? null,
        importSlowStatements: slowStatements,
        copyRowsPerSec: Math.round(copyRowsPerSec),
        copyRows: copied.rows,
        importToCopyRatio: Number((importRowsPerSec / copyRowsPerSec).toFixed(3)),
        recomputeSeconds,
        editToDashboardP50Ms: Math.round(edit.p50),
        editToDashboardP95Ms: Math.round(edit.p95),
        apiP50Ms: Math.round(api.p50),
        apiP95Ms: Math.round(api.p95),
        apiRequests: load.requests,
        apiErrors: load.errors,
        simulationPreviewP50Ms: 'latencies' in simulation ? Math.round(summarise(simulation.latencies).p50) : null,
        simulationPreviewP95Ms: 'latencies' in simulation ? Math.round(summarise(simulation.latencies).p95) : null,
        simulationPreviewColdMs: 'coldMs' in simulation ? Math.round(simulation.coldMs) : null,
        simulationPreviewAfterEditMaxMs: 'afterEditMs' in simulation ? Math.round(Math.max(...simulation.afterEditMs)) : null,
        simulationNote: 'error' in simulation ? simulation.error : undefined,
        dossierSeconds: 'seconds' in dossier ? Number(dossier.seconds.toFixed(2)) : null,
        dossierPages: 'pages' in dossier ? dossier.pages : null,
        dossierHealthMaxMs: 'healthMaxMs' in dossier ? Math.round(dossier.healthMaxMs) : null,
        dossierNote: 'error' in dossier ? dossier.error : undefined,
        emailsPerMinute: 'emailsPerMinute' in emails ? emails.emailsPerMinute : null,
        emailsNote: 'error' in emails ? emails.error : undefined,
        adminBundleGzipKb: bundle?.mainKb ?? null,
        adminFirstLoadGzipKb: bundle?.firstLoadKb ?? null,
        adminFirstLoadMs: firstLoad,
        memoryPeakMb: memory,
      });
    } finally {
      await product.stop();
    }
    const storage = await measureStorage(ds, importer.id);
    Object.assign(results, { bytesPerFigure: storage.bytesPerFigure, storage });
    const b = storage.breakdown;
    log(
      `  bytes per imported figure: ${storage.bytesPerFigure} = figure row ${b.figureRow} + its indexes ${b.figureIndexes} + coverage ${b.figureCoverage} + audit ${b.auditPerFigure} ` +
        `(${b.auditRow} per audit row × ${b.auditRowsPerImportedFigure}) + read model ${b.readModelShare} (${storage.figures} figures in the database)`,
    );
  } finally {
    await ds.destroy();
  }
  const r = results as Record<string, number | null>;
  const table: [string, string, string, number | null][] = [
    [
      'import through pipeline (rows/s)',
      `≥ 50 % of COPY`,
      `${r.importRowsPerSec} (COPY ${r.copyRowsPerSec}, ratio ${r.importToCopyRatio})`,
      r.importToCopyRatio === null ? null : r.importToCopyRatio / 0.5,
    ],
    [
      'import of the scale (s)',
      scale.name === 'M' ? '< 60 s at M' : '—',
      `${(r.importSeconds as number).toFixed(1)} s`,
      scale.name === 'M' ? 60 / (r.importSeconds as number) : null,
    ],
    [
      'full recompute (s)',
      scale.name === 'M' ? '< 30 s at M' : '—',
      `${(r.recomputeSeconds as number).toFixed(1)} s`,
      scale.name === 'M' ? 30 / (r.recomputeSeconds as number) : null,
    ],
    ['edit → dashboard p95 (ms)', '< 1000', `p50 ${r.editToDashboardP50Ms}, p95 ${r.editToDashboardP95Ms}`, 1000 / (r.editToDashboardP95Ms as number)],
    [
      `dashboard API, ${scale.clients} clients (ms)`,
      'p95 < 100, 0 errors',
      `p50 ${r.apiP50Ms}, p95 ${r.apiP95Ms}, ${r.apiErrors} errors / ${r.apiRequests}`,
      100 / (r.apiP95Ms as number),
    ],
    [
      `lever simulator preview, scope ${scale.name === 'M' ? 'M (département)' : scale.name}, year (ms)`,
      'p95 < 300',
      r.simulationPreviewP95Ms === null
        ? `n/a (${String((results as { simulationNote?: string }).simulationNote)})`
        : `p50 ${r.simulationPreviewP50Ms}, p95 ${r.simulationPreviewP95Ms} (first, cold: ${r.simulationPreviewColdMs}; first after an edit, worst: ${r.simulationPreviewAfterEditMaxMs})`,
      r.simulationPreviewP95Ms === null ? null : 300 / (r.simulationPreviewP95Ms as number),
    ],
    [
      `dossier méthodologique, scope ${scale.name}, year (s; API /health worst latency meanwhile)`,
      '< 15 s',
      r.dossierSeconds === null
        ? `n/a (${String((results as { dossierNote?: string }).dossierNote)})`
        : `${r.dossierSeconds} s, ${r.dossierPages} pages; /health max ${r.dossierHealthMaxMs} ms`,
      r.dossierSeconds === null ? null : 15 / (r.dossierSeconds as number),
    ],
    [
      'report emails (per minute)',
      '≥ 200 (1 000 in 5 min)',
      r.emailsPerMinute === null ? `n/a (${String((results as { emailsNote?: string }).emailsNote)})` : String(r.emailsPerMinute),
      r.emailsPerMinute === null ? null : (r.emailsPerMinute as number) / 200,
    ],
    [
      'admin main bundle (gzip kB)',
      '< 600',
      `${r.adminBundleGzipKb} (first load ${r.adminFirstLoadGzipKb})`,
      r.adminBundleGzipKb === null ? null : 600 / (r.adminBundleGzipKb as number),
    ],
    [
      'bytes per imported figure, all in (figure + indexes, audit row, read model share)',
      scale.name === 'M' ? '≤ 800 at M' : '—',
      String(r.bytesPerFigure),
      scale.name === 'M' && r.bytesPerFigure !== null ? 800 / (r.bytesPerFigure as number) : null,
    ],
    ['admin first load (ms)', '< 2000', String(r.adminFirstLoadMs), r.adminFirstLoadMs === null ? null : 2000 / (r.adminFirstLoadMs as number)],
  ];
  log('');
  log(`| measure | target | measured | ratio to target (≥ 1 meets) |`);
  log(`|---|---|---|---|`);
  for (const [what, target, measured, ratio] of table) log(`| ${what} | ${target} | ${measured} | ${ratio === null ? '—' : ratio.toFixed(2)} |`);
  const memory = results.memoryPeakMb as { api: number | null; worker: number | null };
  log(`| memory peaks (MiB) | — | api ${memory.api}, worker ${memory.worker} | — |`);
  const dir = path.join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`\nbench/results/latest.json written`);
};

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
