import { Client } from 'pg';

/** A statement that ran longer than the threshold while the bench watched, as pg_stat_activity showed it. */
export interface SlowStatement {
  application: string;
  /** The longest the bench saw it running, in seconds (sampled every second: it may have run up to a second more). */
  seconds: number;
  /** Seconds from the watch's start to the statement's start. */
  startedAtSeconds: number;
  /** What it was last seen waiting for (`Lock:tuple`, `IO:DataFileRead`…), or null while it ran on the CPU. */
  waitingFor: string | null;
  query: string;
}

const THRESHOLD_SECONDS = 5;
const QUERY_CHARS = 400;

/**
 * Has PostgreSQL log the plan of any statement of the bench's database that runs longer than THRESHOLD_SECONDS,
 * nested statements included (the import's reads are inside SECURITY DEFINER functions): auto_explain, preloaded in
 * the database's sessions. Set on the bench's own database only, by its superuser connection; a server where the bench
 * is not superuser simply keeps no plans. Returns why it could not, or null.
 */
export const logSlowPlans = async (admin: Client, dbName: string): Promise<string | null> => {
  try {
    for (const [name, value] of [
      ['session_preload_libraries', 'auto_explain'],
      ['auto_explain.log_min_duration', `${THRESHOLD_SECONDS}s`],
      ['auto_explain.log_nested_statements', 'on'],
      ['log_min_duration_statement', `${THRESHOLD_SECONDS}s`],
    ]) {
      await admin.query(`ALTER DATABASE ${dbName} SET ${name} = '${value}'`);
    }
    return null;
  } catch (err) {
    return (err as Error).message;
  }
};

/**
 * Watches the database's running statements every second and keeps those that run longer than THRESHOLD_SECONDS:
 * a stalled import then names its statement in the bench's results, whatever the server logs. Its own sampling
 * query is left out.
 */
export const watchSlowStatements = async (databaseUrl: string): Promise<{ stop: () => Promise<SlowStatement[]> }> => {
  const client = new Client({ connectionString: databaseUrl, application_name: 'levier-bench-watch' });
  await client.connect();
  const started = Date.now();
  const seen = new Map<string, SlowStatement>();
  let sampling: Promise<void> = Promise.resolve();
  const sample = async (): Promise<void> => {
    const { rows } = await client.query<{ key: string; application: string; seconds: number; started_at: number; waiting_for: string | null; query: string }>(
      `SELECT pid || ':' || query_start AS key, application_name AS application,
              extract(epoch FROM clock_timestamp() - query_start)::float8 AS seconds,
              extract(epoch FROM query_start)::float8 * 1000 AS started_at,
              CASE WHEN wait_event IS NULL THEN NULL ELSE wait_event_type || ':' || wait_event END AS waiting_for,
              left(query, $2) AS query
         FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()
          AND clock_timestamp() - query_start > make_interval(secs => $1)`,
      [THRESHOLD_SECONDS, QUERY_CHARS],
    );
    for (const row of rows) {
      seen.set(row.key, {
        application: row.application,
        seconds: Number(row.seconds.toFixed(1)),
        startedAtSeconds: Number(((row.started_at - started) / 1000).toFixed(1)),
        waitingFor: row.waiting_for,
        query: row.query.replace(/\s+/g, ' ').trim(),
      });
    }
  };
  const timer = setInterval(() => {
    sampling = sampling.then(sample).catch(() => undefined);
  }, 1000);
  return {
    stop: async () => {
      clearInterval(timer);
      await sampling;
      await client.end();
      return [...seen.values()].sort((a, b) => b.seconds - a.seconds);
    },
  };
};
