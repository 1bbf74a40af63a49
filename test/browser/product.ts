/**
 * Starts the real product for the browser tests: build (unless BROWSER_SKIP_BUILD=1), a fresh database,
 * migrations, demo seed, then the API and the worker on a free port, with a unique queue prefix.
 * By hand (manual checks): see test/browser/README.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

export const REPO_ROOT = process.env.LEVIER_ROOT ?? path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
export const DEMO_PASSWORD = 'levier-demo';

export interface Product {
  baseUrl: string;
  databaseUrl: string;
  databaseName: string;
  processes: ChildProcess[];
  env: NodeJS.ProcessEnv;
}

const log = (message: string): void => {
  process.stderr.write(`[browser] ${message}\n`);
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const run = (label: string, args: string[], env: NodeJS.ProcessEnv, command = process.execPath): void => {
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: REPO_ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${label} a échoué (code ${r.status}) :\n${r.stdout}\n${r.stderr}`);
  log(`${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const waitFor = async (label: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await probe()) return true;
    } catch {
      // not yet
    }
    await sleep(300);
  }
  log(`${label} : délai dépassé (${timeoutMs} ms)`);
  return false;
};

/** Bearer token for a demo user, through the real login endpoint. */
export const apiLogin = async (baseUrl: string, email: string): Promise<string> => {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'levier' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
};

export const apiGet = async <T = unknown>(baseUrl: string, token: string, url: string): Promise<T> => {
  const res = await fetch(`${baseUrl}${url}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return (await res.json()) as T;
};

const spawnLogged = (name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess => {
  mkdirSync(path.join(ARTIFACTS, 'logs'), { recursive: true });
  const out = createWriteStream(path.join(ARTIFACTS, 'logs', `${name}.log`));
  const child = spawn(process.execPath, [script], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
};

export const startProduct = async (extraEnv: NodeJS.ProcessEnv = {}): Promise<Product> => {
  if (process.env.BROWSER_SKIP_BUILD !== '1') run('npm run build', ['run', 'build', '--silent'], process.env, 'npm');

  const adminUrl = process.env.BROWSER_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseName = `levier_browser_${randomBytes(4).toString('hex')}`;
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${databaseName}`);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `levier_browser_${randomBytes(4).toString('hex')}`,
    PORT: String(port),
    APP_URL: baseUrl,
    DEMO_MODE: 'true',
    // a random key per run, as `npm run demo` makes one: no key printed in the repository signs anything
    JWT_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: 'warn',
    // Every journey signs in: keep the login throttle out of the way.
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    // SMTP_URL of the in-process receiver (global-setup.ts), when the caller starts one.
    ...extraEnv,
  };
  run('migration:run', ['bin/levier.js', 'migration:run'], env);
  run('seed-demo', ['bin/levier.js', 'seed-demo'], env);

  const processes = [spawnLogged('api', 'dist/apps/api/src/main.js', env), spawnLogged('worker', 'dist/apps/api/src/worker.js', env)];
  const product: Product = { baseUrl, databaseUrl, databaseName, processes, env };
  const healthy = await waitFor('api /api/health', 30_000, async () => (await fetch(`${baseUrl}/api/health`)).ok);
  if (!healthy) {
    await stopProduct(product);
    throw new Error(`L'API ne répond pas sur ${baseUrl} (voir test-artifacts/logs/api.log)`);
  }
  // The worker recomputes the demo's read model at start; wait until the summary has numbers.
  const token = await apiLogin(baseUrl, 'finance@valmont.demo');
  const computed = () =>
    waitFor('indicateurs calculés', 20_000, async () => {
      const s = await apiGet<{ grossSavings: string | null; offsetRatio: string | null }>(baseUrl, token, '/api/indicators/summary?from=2024-01&to=2024-12');
      // Every headline, not only the first one computed: the first journey reads the offset ratio at once.
      return s.grossSavings !== null && s.offsetRatio !== null;
    });
  if (!(await computed())) {
    // Fallback when the worker does not recompute at start: the CLI's full rebuild, if this build has it.
    const r = spawnSync(process.execPath, ['bin/levier.js', 'recompute'], { cwd: REPO_ROOT, env, encoding: 'utf8' });
    log(`levier recompute → ${r.status}`);
    await computed();
  }
  log(`produit prêt sur ${baseUrl} (base ${databaseName})`);
  return product;
};

export const stopProduct = async (product: Product): Promise<void> => {
  await Promise.all(
    product.processes.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  if (process.env.BROWSER_KEEP_DB === '1') return;
  const admin = new Client({ connectionString: product.databaseUrl.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${product.databaseName} WITH (FORCE)`);
  await admin.end();
};
