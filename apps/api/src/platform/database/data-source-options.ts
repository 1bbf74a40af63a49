import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The schema's entity classes: listed outside platform/ (apps/api/src/database-entities.ts) and passed in. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

/** One definition of the connection for the API, the worker, the CLI and the tests. Never `synchronize`. */
export const dataSourceOptions = (databaseUrl: string, extra: Partial<{ applicationName: string; poolSize: number }> = {}): DataSourceOptions => ({
  type: 'postgres',
  url: databaseUrl,
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
