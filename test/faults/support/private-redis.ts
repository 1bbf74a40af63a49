import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';

/** A free TCP port on 127.0.0.1 (never 3000, never 6379). */
export const freePort = async (): Promise<number> => {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.unref();
      srv.on('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const { port: p } = srv.address() as { port: number };
        srv.close(() => resolve(p));
      });
    });
    if (port !== 3000 && port !== 6379) return port;
  }
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A redis-server of the test's own, on a free port, without persistence (`--save "" --appendonly no`): emptying or
 * restarting it loses every job, which is the fault under test. The machine's Redis (6379) is never touched.
 */
export class PrivateRedis {
  private proc: ChildProcess | undefined;
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'levier-faults-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.launch();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  private async launch(): Promise<void> {
    this.proc = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir, '--loglevel', 'warning'],
      {
        stdio: 'ignore',
      },
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await this.command((c) => c.ping());
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`redis-server privé sur le port ${this.port} ne répond pas`);
        await sleep(50);
      }
    }
  }

  /** One short-lived connection to this server only. */
  async command<T>(fn: (c: Redis) => Promise<T>): Promise<T> {
    const c = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
    c.on('error', () => undefined);
    try {
      await c.connect();
      return await fn(c);
    } finally {
      c.disconnect();
    }
  }

  /** Redis "loses its jobs": FLUSHALL on THIS server. */
  async flushAll(): Promise<void> {
    await this.command((c) => c.flushall());
  }

  /** Kills the server (SIGKILL: nothing saved) and starts it again on the same port, empty. */
  async restart(downMs = 0): Promise<void> {
    await this.kill();
    if (downMs > 0) await sleep(downMs);
    await this.launch();
  }

  private async kill(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
