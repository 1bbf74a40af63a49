import { Client } from 'pg';
import { databaseUrlFor } from './test-env';

/** Drops this run's template database, and any test database a crashed file left behind. */
export default async function globalTeardown(): Promise<void> {
  const template = process.env.LEVIER_TEST_TEMPLATE;
  if (!template) return;
  const admin = new Client({ connectionString: databaseUrlFor('postgres') });
  await admin.connect();
  try {
    await admin.query(`UPDATE pg_database SET datistemplate = false WHERE datname = $1`, [template]);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
