import type { Queue } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Product {
  url: string;
  api: ChildProcess;
  worker: ChildProcess;
  stop(): Promise<void>;
  /** Peak resident memory (VmHWM) of each process, in MiB. */
  memoryPeaksMb(): { api: number | null; worker: number | null };
}

const vmHwmMb = (pid: number | undefined): number | null => {
  if (pid === undefined) return null;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : null;
  } catch {
    return null;
  }
};

/** A port nobody listens on now (other sessions run their own APIs on this machine). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * Starts the built API and worker (dist/) as the product runs them, and waits for /api/health. `nodeArgs` go before
 * the script (`--cpu-prof`, which NODE_OPTIONS refuses).
 */
export const startProduct = async (root: string, env: Record<string, string>, port: number, nodeArgs: readonly string[] = []): Promise<Product> => {
  const full = {
    ...process.env,
    ...env,
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    DEMO_MODE: 'false',
  };
  const spawnNode = (file: string) =>
    spawn(process.execPath, [...nodeArgs, path.join(root, 'dist/apps/api/src', file)], { env: full, stdio: ['ignore', 'ignore', 'inherit'] });
  const api = spawnNode('main.js');
  const worker = spawnNode('worker.js');
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    for (const child of [api, worker]) child.kill('SIGTERM');
    await Promise.all([api, worker].map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  };
  return { url, api, worker, stop, memoryPeaksMb: () => ({ api: vmHwmMb(api.pid), worker: vmHwmMb(worker.pid) }) };
};

export const login = async (url: string, email: string, password: string): Promise<string> => {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
};

export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
};

/** Delayed jobs that are work left to do: not the next run of a job scheduler (reports, reconciliation), whose id starts with `repeat:`. */
const pendingDelayed = async (queue: Queue): Promise<number> => (await queue.getDelayed()).filter((job) => !String(job.id).startsWith('repeat:')).length;

/**
 * Waits until the worker has nothing left to do: no waiting, active or prioritised job in any queue, and no delayed job
 * other than the schedulers' next runs (a recompute deferred by an import burst is a delayed job until the burst's last
 * file releases it). Throws after `timeoutMs` rather than let a measure run beside unfinished work.
 */
export const waitForQueuesIdle = async (redisUrl: string, prefix: string, timeoutMs = 1_800_000): Promise<number> => {
  const { Queue: QueueClass } = await import('bullmq');
  const url = new URL(redisUrl);
  const connection = { host: url.hostname, port: Number(url.port || 6379) };
  const queues = ['figures', 'indicators', 'reports'].map((name) => new QueueClass(name, { connection, prefix }));
  const started = Date.now();
  try {
    for (;;) {
      const counts = await Promise.all(
        queues.map(async (queue) => ({ ...(await queue.getJobCounts('waiting', 'active', 'prioritized')), delayed: await pendingDelayed(queue) })),
      );
      if (counts.every((c) => Object.values(c).every((n) => n === 0))) return Date.now() - started;
      if (Date.now() - started > timeoutMs) {
        const left = queues.map((queue, i) => `${queue.name} ${JSON.stringify(counts[i])}`).join(', ');
        throw new Error(`queues not idle after ${Math.round(timeoutMs / 1000)} s: ${left}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
};
