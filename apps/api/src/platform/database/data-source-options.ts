import { DataSourceOptions } from 'typeorm';
import { DATABASE_ENTITIES } from '../../database-entities';
import { MIGRATIONS } from '../../../../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One definition of the connection for the API, the worker, the CLI and the tests. Never `synchronize`. */
export const dataSourceOptions = (databaseUrl: string, extra: Partial<{ applicationName: string; poolSize: number }> = {}): DataSourceOptions => ({
  type: 'postgres',
  url: databaseUrl,
  entities: DATABASE_ENTITIES,
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
