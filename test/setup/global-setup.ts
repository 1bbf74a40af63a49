import { Client } from 'pg';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { appDataSourceOptions } from '../../apps/api/src/app-data-source-options';
import { TEST_DATABASE_URL, TEST_REDIS_URL, databaseUrlFor } from './test-env';

/**
 * Once per run: fail fast with a clear message when PostgreSQL or Redis is missing, then build a template
 * database with every migration applied; each test file copies it (test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  process.env.LEVIER_TEST_TEMPLATE ??= `levier_test_template_${process.pid}`;
  const TEMPLATE_DATABASE = process.env.LEVIER_TEST_TEMPLATE;
  const admin = new Client({ connectionString: databaseUrlFor('postgres'), connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `Les tests d'intégration ont besoin de PostgreSQL : ${TEST_DATABASE_URL} ne répond pas (${(err as Error).message}). Démarrez-le (voir README).`,
    );
  }
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    await admin.end();
    throw new Error(`Les tests d'intégration ont besoin de Redis : ${TEST_REDIS_URL} ne répond pas (${(err as Error).message}). Démarrez-le (voir README).`);
  } finally {
    redis.disconnect();
  }
  try {
    await admin.query(`UPDATE pg_database SET datistemplate = false WHERE datname = '${TEMPLATE_DATABASE}'`);
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    const ds = await new DataSource(appDataSourceOptions(databaseUrlFor(TEMPLATE_DATABASE), { poolSize: 2 })).initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    await admin.query(`UPDATE pg_database SET datistemplate = true WHERE datname = '${TEMPLATE_DATABASE}'`);
  } finally {
    await admin.end();
  }
}
