import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { appDataSourceOptions } from '../../apps/api/src/app-data-source-options';
import { TEMPLATE_DATABASE, databaseUrlFor } from './test-env';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** A TypeORM connection to this database (opened lazily). */
  dataSource(): Promise<DataSource>;
  drop(): Promise<void>;
}

const withAdmin = async <T>(fn: (c: Client) => Promise<T>): Promise<T> => {
  const admin = new Client({ connectionString: databaseUrlFor('postgres') });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
};

/** A fresh migrated database for one test file, copied from the template built by global-setup. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = `levier_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = databaseUrlFor(name);
  let ds: DataSource | undefined;
  return {
    name,
    url,
    async dataSource() {
      ds ??= await new DataSource(appDataSourceOptions(url, { poolSize: 4, applicationName: 'levier-test' })).initialize();
      return ds;
    },
    async drop() {
      if (ds?.isInitialized) await ds.destroy();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
};

/** A queue prefix of its own, so parallel test files never share BullMQ keys. */
export const uniqueQueuePrefix = (): string => `levier-test-${randomBytes(4).toString('hex')}`;
