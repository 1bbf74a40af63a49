import { Client } from 'pg';

/** Creates the database named in the URL when it does not exist yet (connecting to `postgres` to do so). */
export const ensureDatabase = async (databaseUrl: string): Promise<void> => {
  const adminUrl = new URL(databaseUrl);
  const database = decodeURIComponent(adminUrl.pathname.slice(1));
  adminUrl.pathname = '/postgres';
  const pg = new Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: 3000 });
  await pg.connect();
  try {
    const exists = await pg.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await pg.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await pg.end();
  }
};
