/**
 * `npm run bench:dossier [-- --scale S|M|L] [--keep] [--database <name>]`: the dossier méthodologique of the bench's
 * whole organisation for 2024 (issue 19, item 6), measured inside the API's own process so that
 * `perf_hooks.monitorEventLoopDelay` sees the API's event loop: the longest block while the dossier is generated, the
 * seconds to the last byte (`dossierSeconds`) and the pages. A fresh database `levier_bench_dossier_<scale>_<pid>`, dropped at
 * the end unless `--keep`; `--database` measures again on a database an earlier `--keep` run left (no fill, no
 * recompute, never dropped). Numbers, not pass/fail.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { appDataSourceOptions } from '../apps/api/src/app-data-source-options';
import { runMigrations } from '../apps/api/src/cli/migration.command';
import { ServiceFundingRepository } from '../apps/api/src/funding/service-funding.repository';
import { IndicatorInputsRepository } from '../apps/api/src/indicators/savings/indicator-inputs.repository';
import { RecomputeService } from '../apps/api/src/indicators/savings/recompute.service';
import { TenantDb } from '../apps/api/src/platform/database/tenant-db';
import type { DocumentsService } from '../apps/api/src/documents/documents.service';
import type { DossierJob } from '../apps/api/src/documents/dossier-render';
import type { AuthUser } from '../apps/api/src/tenancy/auth-user';
import { BENCH_PASSWORD, BenchTenant, createBenchTenant, fillFigures } from './bench-tenant';
import { login } from './bench-processes';
import { measureDossier } from './document-measures';
import { figureCount, Scale, SCALES } from './scales';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

/** The bench tenant an earlier `--keep` run created, read back from its database. */
const keptTenant = async (ds: DataSource, name: string): Promise<BenchTenant> => {
  const [org]: { id: string }[] = await ds.query(`SELECT id FROM organisation WHERE name = $1`, [name]);
  if (!org) throw new Error(`aucune organisation « ${name} » dans cette base : lancez d’abord bench:dossier avec --keep`);
  const units: { code: string; root: boolean }[] = await ds.query(`SELECT code, parent_id IS NULL AS root FROM org_unit WHERE organisation_id = $1`, [org.id]);
  const codes = async (table: 'service' | 'metric'): Promise<string[]> =>
    ((await ds.query(`SELECT code FROM ${table} WHERE organisation_id = $1 ORDER BY code`, [org.id])) as { code: string }[]).map((r) => r.code);
  const emails: { email: string; role: string }[] = await ds.query(
    `SELECT u.email, r.role FROM app_user u JOIN role_assignment r ON r.user_id = u.id WHERE u.organisation_id = $1`,
    [org.id],
  );
  return {
    id: org.id,
    name,
    rootCode: units.find((u) => u.root)!.code,
    leafCodes: units.filter((u) => !u.root).map((u) => u.code),
    serviceCodes: await codes('service'),
    metricCodes: await codes('metric'),
    financeEmail: emails.find((e) => e.role === 'finance')!.email,
    directorEmail: emails.find((e) => e.role === 'director')!.email,
  };
};

const main = async (): Promise<void> => {
  const scale: Scale = SCALES[arg('scale', 'M').toUpperCase() as Scale['name']] ?? SCALES.M;
  const log = (s: string) => process.stdout.write(`${s}\n`);
  const baseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/levier');
  const reused = arg('database', '');
  const dbName = reused || `levier_bench_dossier_${scale.name.toLowerCase()}_${process.pid}`;
  const admin = new Client({ connectionString: Object.assign(new URL(baseUrl), { pathname: '/postgres' }).toString() });
  await admin.connect();
  if (!reused) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  const databaseUrl = Object.assign(new URL(baseUrl), { pathname: `/${dbName}` }).toString();
  log(`Dossier bench — scale ${scale.name} (${figureCount(scale).toLocaleString('fr-FR')} figures)${reused ? `, database ${dbName} again` : ''}`);
  if (!reused) await runMigrations(databaseUrl, () => undefined);
  const ds = await new DataSource(appDataSourceOptions(databaseUrl, { applicationName: 'levier-bench-dossier', poolSize: 4 })).initialize();
  try {
    const tenant = reused ? await keptTenant(ds, 'Bench main') : await createBenchTenant(ds, scale, 'Bench main');
    if (!reused) {
      log(`  ${await fillFigures(ds, tenant, scale)} figures generated`);
      // statistics as autovacuum would have them after a bulk load: the planner otherwise estimates a handful of rows
      await ds.query('ANALYZE');
      const started = Date.now();
      await new RecomputeService(new TenantDb(ds), new IndicatorInputsRepository(new ServiceFundingRepository())).recompute(tenant.id, []);
      log(`  full recompute in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }

    Object.assign(process.env, {
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `levier-bench-dossier-${process.pid}`,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      NODE_ENV: 'production',
      DEMO_MODE: 'false',
      LOG_LEVEL: 'warn',
    });
    // loaded after the environment is set: the API reads its configuration when its modules are imported
    const { ApiModule } = await import('../apps/api/src/api.module');
    const { loadConfig } = await import('../apps/api/src/platform/config/app-config');
    const { configureApp } = await import('../apps/api/src/platform/http/configure-app');
    const app = await NestFactory.create<NestExpressApplication>(ApiModule, { logger: ['error'], bodyParser: false });
    configureApp(app, loadConfig());
    await app.init();
    const server = app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const token = await login(url, tenant.directorEmail, BENCH_PASSWORD);
      for (const run of ['cold', 'warm']) {
        const histogram = monitorEventLoopDelay({ resolution: 10 });
        histogram.enable();
        const dossier = await measureDossier(url, token, tenant);
        histogram.disable();
        log(
          `  ${run}: dossierSeconds ${dossier.seconds.toFixed(2)} s, ${dossier.pages} pages, ${dossier.bytes} bytes; ` +
            `longest event-loop block ${(histogram.max / 1e6).toFixed(0)} ms (p99 ${(histogram.percentile(99) / 1e6).toFixed(0)} ms); ` +
            `/health worst ${dossier.healthMaxMs.toFixed(0)} ms over ${dossier.healthPolls} polls`,
        );
      }
      // what the worker thread takes off the API's loop: the same dossier's engine run, model, hash and layout timed here
      const { DocumentsService: Documents } = await import('../apps/api/src/documents/documents.service');
      const { renderDossier } = await import('../apps/api/src/documents/dossier-render');
      const roles: { id: string; role: AuthUser['roles'][number]['role']; orgUnitId: string | null }[] = await ds.query(
        `SELECT u.id, r.role, r.org_unit_id AS "orgUnitId" FROM app_user u JOIN role_assignment r ON r.user_id = u.id WHERE u.email = $1`,
        [tenant.directorEmail],
      );
      const director: AuthUser = {
        id: roles[0].id,
        email: tenant.directorEmail,
        organisationId: tenant.id,
        roles: roles.map(({ role, orgUnitId }) => ({ role, orgUnitId })),
      };
      // the service's own gathering (private: a measuring tool reaches it on purpose)
      const documents = app.get(Documents) as unknown as {
        dossierJob: (...args: Parameters<DocumentsService['dossier']>) => Promise<Omit<DossierJob, 'kind' | 'format' | 'compress'>>;
      };
      const job = await documents.dossierJob(director, { orgUnit: tenant.rootCode, from: '2024-01', to: '2024-12' }, 'fr', 'pdf');
      const started = performance.now();
      await renderDossier({ kind: 'dossier-methodologique', ...job, format: 'pdf', compress: true });
      log(`  the same rendering on the API's thread would hold it ${((performance.now() - started) / 1000).toFixed(2)} s`);
    } finally {
      await app.close();
    }
  } finally {
    await ds.destroy();
    if (!reused && !process.argv.includes('--keep')) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
