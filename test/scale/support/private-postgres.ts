import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../../faults/support/private-redis';

const run = promisify(execFile);
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` system user (Debian's package creates it). */
const pgCommand = async (binary: string, args: string[]): Promise<string> => {
  const file = path.join(PG_BIN, binary);
  const asRoot = process.getuid?.() === 0;
  const { stdout } = await run(asRoot ? 'runuser' : file, asRoot ? ['-u', 'postgres', '--', file, ...args] : args, { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
};

/** Settings of a throwaway server: replication on, durability off (a test cluster, removed afterwards). */
const SERVER_SETTINGS = [
  'listen_addresses=127.0.0.1',
  'wal_level=replica',
  'max_wal_senders=5',
  'hot_standby=on',
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  'shared_buffers=64MB',
  'max_connections=200',
  'track_counts=on',
];

/**
 * A private PostgreSQL 15 primary (initdb, its own port and data folder under the temp dir) and a streaming replica
 * of it (pg_basebackup -R, then a hot standby on its own port), both from Debian's packages. The machine's server
 * (5432) cannot stream: its pg_hba.conf has no `replication` line. Both are stopped and their folders removed at the end.
 */
export class PrivatePostgres {
  private constructor(
    private readonly dir: string,
    readonly primaryPort: number,
    readonly replicaPort: number,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'levier-scale-pg-'));
    if (process.getuid?.() === 0)
      chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
    const pg = new PrivatePostgres(dir, await freePort(), await freePort());
    await pgCommand('initdb', ['-D', pg.primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    await pg.startServer(pg.primaryDir, pg.primaryPort);
    await pgCommand('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(pg.primaryPort),
      '-U',
      'postgres',
      '-D',
      pg.replicaDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '--no-sync',
    ]);
    await pg.startServer(pg.replicaDir, pg.replicaPort);
    return pg;
  }

  private get primaryDir(): string {
    return path.join(this.dir, 'primary');
  }

  private get replicaDir(): string {
    return path.join(this.dir, 'replica');
  }

  private async startServer(dataDir: string, port: number): Promise<void> {
    const options = [`-p ${port}`, `-k ${this.dir}`, ...SERVER_SETTINGS.map((s) => `-c ${s}`)].join(' ');
    await pgCommand('pg_ctl', ['-D', dataDir, '-o', options, '-l', `${dataDir}.log`, '-w', '-t', '60', 'start']);
  }

  primaryUrl(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.primaryPort}/${database}`;
  }

  replicaUrl(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.replicaPort}/${database}`;
  }

  async createDatabase(name: string): Promise<void> {
    await this.query(this.primaryUrl('postgres'), `CREATE DATABASE ${name}`);
  }

  /** One statement on one server through a short-lived connection. */
  async query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Transactions committed on the replica in a database (read-only transactions count too): the reads it served. */
  async replicaTransactions(database: string): Promise<number> {
    const [row] = await this.query<{ n: string }>(
      this.replicaUrl('postgres'),
      `SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = $1`,
      [database],
    );
    return Number(row?.n ?? 0);
  }

  async stop(): Promise<void> {
    for (const dataDir of [this.replicaDir, this.primaryDir]) {
      await pgCommand('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
