import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { freePort } from '../../faults/support/private-redis';

const run = promisify(execFile);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One redis-server (or sentinel) of a test, on its own port and folder, no persistence. */
class RedisNode {
  private proc: ChildProcess | undefined;

  constructor(
    readonly port: number,
    private readonly confFile: string,
    private readonly sentinel = false,
  ) {}

  async start(): Promise<void> {
    const proc = spawn('redis-server', [this.confFile, ...(this.sentinel ? ['--sentinel'] : [])], { stdio: 'ignore' });
    this.proc = proc;
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        if ((await this.command((c) => c.ping())) === 'PONG') return;
      } catch {
        // a server that could not bind its port (or a cluster's bus port) exits at once: say so without waiting
        if (proc.exitCode !== null || proc.signalCode !== null)
          throw new Error(`redis-server sur le port ${this.port} s'est arrêté au démarrage (port pris ?)`);
        if (Date.now() > deadline) throw new Error(`redis-server sur le port ${this.port} ne répond pas`);
      }
      await sleep(50);
    }
  }

  async command<T>(fn: (c: Redis) => Promise<T>): Promise<T> {
    const c = new Redis({ host: '127.0.0.1', port: this.port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
    c.on('error', () => undefined);
    try {
      await c.connect();
      return await fn(c);
    } finally {
      c.disconnect();
    }
  }

  /** SIGKILL: the server is gone at once, nothing handed over. */
  async kill(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGKILL');
    await exited;
  }
}

const serverConf = (dir: string, port: number, extra: string[] = []): string => {
  const file = path.join(dir, `redis-${port}.conf`);
  writeFileSync(file, [`port ${port}`, 'bind 127.0.0.1', `dir ${dir}`, 'save ""', 'appendonly no', 'loglevel warning', ...extra].join('\n') + '\n');
  return file;
};

/** A Redis Sentinel group: a primary, one replica, three sentinels watching them (quorum 2). */
export class SentinelGroup {
  failovers = 0;

  private constructor(
    private readonly dir: string,
    readonly name: string,
    private readonly servers: RedisNode[],
    readonly sentinels: RedisNode[],
  ) {}

  static async start(name = 'levier'): Promise<SentinelGroup> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'levier-scale-sentinel-'));
    const [p1, p2, s1, s2, s3] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
    const primary = new RedisNode(p1, serverConf(dir, p1));
    const replica = new RedisNode(p2, serverConf(dir, p2, [`replicaof 127.0.0.1 ${p1}`]));
    const sentinels = [s1, s2, s3].map((port) => {
      const file = path.join(dir, `sentinel-${port}.conf`);
      writeFileSync(
        file,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${dir}`,
          `sentinel monitor ${name} 127.0.0.1 ${p1} 2`,
          `sentinel down-after-milliseconds ${name} 1000`,
          `sentinel failover-timeout ${name} 10000`,
          `sentinel parallel-syncs ${name} 1`,
        ].join('\n') + '\n',
      );
      return new RedisNode(port, file, true);
    });
    const group = new SentinelGroup(dir, name, [primary, replica], sentinels);
    try {
      for (const node of [primary, replica, ...sentinels]) await node.start();
    } catch (err) {
      // no server may outlive a failed start: it would keep the test process alive
      await group.stop();
      throw err;
    }
    return group;
  }

  /** REDIS_SENTINELS of the API and workers. */
  get hosts(): string {
    return this.sentinels.map((s) => `127.0.0.1:${s.port}`).join(',');
  }

  /** The port of the primary the sentinels name now. */
  async primaryPort(): Promise<number> {
    const [, port] = await this.sentinels[0].command((c) => c.call('SENTINEL', 'get-master-addr-by-name', this.name) as Promise<[string, string]>);
    return Number(port);
  }

  /** Kills the current primary (SIGKILL) and waits until the sentinels have promoted the replica. */
  async killPrimary(timeoutMs = 30_000): Promise<number> {
    const before = await this.primaryPort();
    const node = this.servers.find((s) => s.port === before);
    if (!node) throw new Error(`primaire Redis inconnu sur le port ${before}`);
    await node.kill();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = await this.primaryPort().catch(() => before);
      if (now !== before) {
        const role = await this.servers.find((s) => s.port === now)?.command((c) => c.call('ROLE') as Promise<[string]>);
        if (role?.[0] === 'master') {
          this.failovers += 1;
          return now;
        }
      }
      if (Date.now() > deadline) throw new Error(`pas de bascule Sentinel en ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  async stop(): Promise<void> {
    for (const node of [...this.sentinels, ...this.servers]) await node.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Whether nothing listens on 127.0.0.1:port right now. */
const isFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });

/**
 * Six ports for a cluster: each free with its bus port (port + 10000, below 65536), and no port equal to another's bus
 * port (a node on 34567 and another on 44567 cannot both start).
 */
const clusterPorts = async (): Promise<number[]> => {
  const taken = new Set<number>();
  const ports: number[] = [];
  while (ports.length < 6) {
    const port = await freePort();
    if (port >= 55_000 || taken.has(port) || taken.has(port + 10_000) || !(await isFree(port + 10_000))) continue;
    ports.push(port);
    taken.add(port).add(port + 10_000);
  }
  return ports;
};

/** A Redis Cluster of three primaries, each with one replica (redis-cli --cluster create). */
export class RedisClusterGroup {
  primariesKilled = 0;

  private readonly nodes: RedisNode[];

  private constructor(
    private readonly dir: string,
    ports: readonly number[],
  ) {
    this.nodes = ports.map(
      (port) =>
        new RedisNode(
          port,
          serverConf(dir, port, [
            'cluster-enabled yes',
            `cluster-config-file nodes-${port}.conf`,
            'cluster-node-timeout 1000',
            'cluster-replica-validity-factor 0',
          ]),
        ),
    );
  }

  /**
   * Starts the six nodes and creates the cluster. Ports are chosen free, but another process may take one (or its bus
   * port) before its server binds it: a start that fails stops the nodes it started and begins again on other ports,
   * up to three times, so that no server outlives a failed start (it would keep the test process alive).
   */
  static async start(attempts = 3): Promise<RedisClusterGroup> {
    for (let attempt = 1; ; attempt += 1) {
      const group = new RedisClusterGroup(mkdtempSync(path.join(os.tmpdir(), 'levier-scale-cluster-')), await clusterPorts());
      try {
        await group.create();
        return group;
      } catch (err) {
        await group.stop();
        if (attempt >= attempts) throw err;
      }
    }
  }

  private async create(): Promise<void> {
    for (const node of this.nodes) await node.start();
    await run('redis-cli', ['--cluster', 'create', ...this.nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '1', '--cluster-yes']);
    await this.waitHealthy();
  }

  /** REDIS_CLUSTER_NODES of the API and workers. */
  get hosts(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
  }

  private async alive(): Promise<RedisNode[]> {
    const out: RedisNode[] = [];
    for (const node of this.nodes) if (await node.command((c) => c.ping()).catch(() => null)) out.push(node);
    return out;
  }

  /** Waits until some live node reports `cluster_state:ok`. */
  async waitHealthy(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [node] = await this.alive();
      const info = node ? await node.command((c) => c.call('CLUSTER', 'INFO') as Promise<string>).catch(() => '') : '';
      if (info.includes('cluster_state:ok')) return;
      if (Date.now() > deadline) throw new Error(`Redis Cluster pas prêt en ${timeoutMs} ms`);
      await sleep(200);
    }
  }

  /** Kills the primary that serves `key`'s slot (SIGKILL) and waits until its replica has taken over. */
  async killPrimaryOf(key: string, timeoutMs = 30_000): Promise<void> {
    const [node] = await this.alive();
    const slot = await node.command((c) => c.call('CLUSTER', 'KEYSLOT', key) as Promise<number>);
    const shards = await node.command((c) => c.call('CLUSTER', 'SLOTS') as Promise<[number, number, [string, number, string]][]>);
    const shard = shards.find(([from, to]) => slot >= from && slot <= to);
    const victim = this.nodes.find((n) => n.port === Number(shard?.[2][1]));
    if (!victim) throw new Error(`aucun primaire pour le slot ${slot}`);
    await victim.kill();
    this.primariesKilled += 1;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [live] = await this.alive();
      const now = await live.command((c) => c.call('CLUSTER', 'SLOTS') as Promise<[number, number, [string, number, string]][]>).catch(() => []);
      const owner = now.find(([from, to]) => slot >= from && slot <= to)?.[2][1];
      if (owner !== undefined && Number(owner) !== victim.port) break;
      if (Date.now() > deadline) throw new Error(`pas de bascule Cluster en ${timeoutMs} ms`);
      await sleep(100);
    }
    await this.waitHealthy(timeoutMs);
  }

  async stop(): Promise<void> {
    for (const node of this.nodes) await node.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
