import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { TenantDb } from './tenant-db';

/** A data source with a primary transaction and, when `replica` is given, one replica query runner. */
const fakeDataSource = (replica?: { replayed: boolean | Error }) => {
  const primaryEm = { name: 'primary', query: jest.fn(async () => []) } as unknown as EntityManager;
  const replicaEm = { name: 'replica' } as unknown as EntityManager;
  const runnerQueries: string[] = [];
  const runner = {
    manager: replicaEm,
    isTransactionActive: false,
    query: jest.fn(async (sql: string) => {
      runnerQueries.push(sql);
      if (sql.includes('pg_last_wal_replay_lsn')) {
        if (replica?.replayed instanceof Error) throw replica.replayed;
        return [{ ok: replica?.replayed }];
      }
      return [];
    }),
    startTransaction: jest.fn(async () => undefined),
    commitTransaction: jest.fn(async () => undefined),
    rollbackTransaction: jest.fn(async () => undefined),
    release: jest.fn(async () => undefined),
  } as unknown as QueryRunner;
  const dataSource = {
    options: replica ? { replication: {} } : {},
    transaction: jest.fn(async (work: (em: EntityManager) => Promise<unknown>) => work(primaryEm)),
    query: jest.fn(async () => [{ lsn: '0/3000060' }]),
    createQueryRunner: jest.fn(() => runner),
  } as unknown as DataSource;
  return { dataSource, runner, runnerQueries };
};

const config = { databaseReplicaMaxLagMs: 30 } as never;
const whichEm = (em: EntityManager): string => (em as unknown as { name: string }).name;

describe(TenantDb.name, () => {
  it('reads on the primary when no replica is configured', async () => {
    const { dataSource } = fakeDataSource();
    const sut = new TenantDb(dataSource, config);
    expect(await sut.read('org-1', async (em) => whichEm(em))).toBe('primary');
    expect(dataSource.createQueryRunner).not.toHaveBeenCalled();
  });

  it('reads on a replica that has replayed the primary’s insert position, with the tenant settings, in a transaction', async () => {
    const { dataSource, runner, runnerQueries } = fakeDataSource({ replayed: true });
    const sut = new TenantDb(dataSource, config);
    expect(await sut.read('org-1', async (em) => whichEm(em))).toBe('replica');
    expect(dataSource.query).toHaveBeenCalledWith(expect.stringContaining('pg_current_wal_insert_lsn()'));
    expect(runnerQueries.some((q) => q.includes("set_config('levier.organisation_id'"))).toBe(true);
    expect(runner.commitTransaction).toHaveBeenCalled();
    expect(runner.release).toHaveBeenCalled();
  });

  it('falls back to the primary when the replica lags beyond the allowed delay, or does not answer', async () => {
    for (const replayed of [false, new Error('connect ECONNREFUSED')]) {
      const { dataSource, runner } = fakeDataSource({ replayed });
      const sut = new TenantDb(dataSource, config);
      expect(await sut.read('org-1', async (em) => whichEm(em))).toBe('primary');
      expect(runner.startTransaction).not.toHaveBeenCalled();
      expect(runner.release).toHaveBeenCalled();
    }
  });

  it('refuses a primary transaction nested in a replica read', async () => {
    const { dataSource } = fakeDataSource({ replayed: true });
    const sut = new TenantDb(dataSource, config);
    await expect(sut.read('org-1', () => sut.run('org-1', async () => 'written'))).rejects.toThrow(/lecture sur réplique/);
  });
});
