import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

/** Database role of the application: not the tables' owner, subject to row-level security. */
export const APP_DB_ROLE = 'levier_app';

const TENANT_SETTINGS = `SELECT set_config('role', $1, true), set_config('levier.organisation_id', $2, true)`;

/**
 * Runs work for one organisation in a transaction where PostgreSQL itself enforces tenant isolation:
 * `SET LOCAL ROLE levier_app` (no BYPASSRLS) and `levier.organisation_id` for the RLS policies.
 * Application queries still filter by organisation: row-level security is the second wall.
 */
@Injectable()
export class TenantDb {
  private readonly logger = new Logger(TenantDb.name);
  private readonly current = new AsyncLocalStorage<{ organisationId: string; em: EntityManager; replica: boolean }>();
  private readonly maxLagMs: number;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    this.maxLagMs = config?.databaseReplicaMaxLagMs ?? 2000;
  }

  /** A transaction on the primary: writes, and reads that must see what was just written. */
  async run<T>(organisationId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const store = this.current.getStore();
    if (store) {
      if (store.organisationId !== organisationId) throw new Error('Contexte de locataire imbriqué pour une autre organisation');
      if (store.replica) throw new Error('Transaction sur le primaire demandée dans une lecture sur réplique : utiliser run() dès le départ');
      return work(store.em);
    }
    return this.dataSource.transaction(async (em) => {
      // one round trip: SET LOCAL ROLE and the tenant of the RLS policies, both undone at commit or rollback
      await em.query(TENANT_SETTINGS, [APP_DB_ROLE, organisationId]);
      return this.current.run({ organisationId, em, replica: false }, () => work(em));
    });
  }

  /**
   * A read-only transaction on a streaming replica (DATABASE_REPLICA_URLS) with the same tenant settings as {@link run},
   * for dashboard, list and report reads. It waits until the replica has replayed everything the primary had written
   * when the read began (so a committed edit, and the NOTIFY that dropped the cache, are visible), up to
   * DATABASE_REPLICA_MAX_LAG_MS; a replica further behind or unreachable is skipped and the read runs on the primary.
   * Without replicas, and inside a transaction already open, it is exactly {@link run}.
   */
  async read<T>(organisationId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.current.getStore() || !this.hasReplicas()) return this.run(organisationId, work);
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      if (!(await this.caughtUp(runner))) {
        await runner.release();
        return this.run(organisationId, work);
      }
    } catch (err) {
      this.logger.warn(`Réplique PostgreSQL indisponible, lecture sur le primaire : ${err instanceof Error ? err.message : String(err)}`);
      await runner.release().catch(() => undefined);
      return this.run(organisationId, work);
    }
    try {
      await runner.startTransaction();
      await runner.query(TENANT_SETTINGS, [APP_DB_ROLE, organisationId]);
      const result = await this.current.run({ organisationId, em: runner.manager, replica: true }, () => work(runner.manager));
      await runner.commitTransaction();
      return result;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }

  private hasReplicas(): boolean {
    return (this.dataSource.options as { replication?: unknown }).replication !== undefined;
  }

  /**
   * Whether the replica behind `runner` has replayed the primary's current WAL insert position (waiting up to maxLagMs).
   * The insert position, not `pg_current_wal_lsn()` (the write position): under `synchronous_commit = off` a commit, and its
   * NOTIFY, can be visible before its WAL record is written, and a replica "caught up" to the write position would miss it.
   */
  private async caughtUp(runner: QueryRunner): Promise<boolean> {
    const [{ lsn }] = (await this.dataSource.query(`SELECT pg_current_wal_insert_lsn()::text AS lsn`)) as { lsn: string }[];
    const deadline = Date.now() + this.maxLagMs;
    for (;;) {
      const [{ ok }] = (await runner.query(`SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS ok`, [lsn])) as { ok: boolean }[];
      if (ok) return true;
      if (Date.now() >= deadline) {
        this.logger.warn(`Réplique PostgreSQL en retard de plus de ${this.maxLagMs} ms : lecture sur le primaire`);
        return false;
      }
      await sleep(10);
    }
  }
}
