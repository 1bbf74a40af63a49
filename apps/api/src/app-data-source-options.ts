import { DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './platform/database/data-source-options';
import { DATABASE_ENTITIES } from './database-entities';

/**
 * The connection of the CLI, the tests and the bench: platform's options (pool, migrations, naming) and the
 * schema's entities, which platform/ does not know. The API and the worker get the same through `DatabaseModule.forRoot`.
 */
export const appDataSourceOptions = (databaseUrl: string, extra?: Parameters<typeof dataSourceOptions>[1]): DataSourceOptions => ({
  ...dataSourceOptions(databaseUrl, extra),
  entities: DATABASE_ENTITIES,
});
