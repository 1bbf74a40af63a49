import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The schema's entity classes: listed outside platform/ (apps/api/src/database-entities.ts) and passed in. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

/**
 * One definition of the connection for the API, the worker, the CLI and the tests. Never `synchronize`.
 * With `replicaUrls` (DATABASE_REPLICA_URLS), TypeORM replication opens one pool per streaming replica beside the
 * primary's; every query still goes to the primary (`defaultMode: 'master'`) unless it asks for a replica
 * (`TenantDb.read`): a write, a transaction or a read-after-write never lands on a replica by accident.
 */
export const dataSourceOptions = (
  databaseUrl: string,
  extra: Partial<{ applicationName: string; poolSize: number; replicaUrls: readonly string[] }> = {},
): DataSourceOptions => ({
  type: 'postgres',
  url: databaseUrl,
  ...(extra.replicaUrls && extra.replicaUrls.length > 0
    ? { replication: { master: { url: databaseUrl }, slaves: extra.replicaUrls.map((url) => ({ url })), defaultMode: 'master' as const } }
    : {}),
  migrations: MIGRATIONS,
  migrationsTableName: 'typeorm_migrations',
  namingStrategy: new SnakeNamingStrategy(),
  synchronize: false,
  uuidExtension: 'pgcrypto',
  installExtensions: false,
  migrationsRun: false,
  applicationName: extra.applicationName ?? 'levier',
  poolSize: extra.poolSize ?? 10,
});
