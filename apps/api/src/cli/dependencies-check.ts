import { ensureDatabase } from '../platform/database/ensure-database';
import Redis from 'ioredis';

const START_HINT = `Pour les démarrer :
  - avec Docker : docker compose up -d postgres redis
  - sur une machine Debian : pg_ctlcluster <version> main start ; redis-server --daemonize yes`;

/** Checks that PostgreSQL and Redis answer; returns French messages naming the URLs tried. */
export const checkDependencies = async (databaseUrl: string, redisUrl: string): Promise<string[]> => {
  const problems: string[] = [];
  try {
    await ensureDatabase(databaseUrl);
  } catch (err) {
    problems.push(`PostgreSQL ne répond pas à ${databaseUrl} (${(err as Error).message}).`);
  }
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    problems.push(`Redis ne répond pas à ${redisUrl} (${(err as Error).message}).`);
  } finally {
    redis.disconnect();
  }
  if (problems.length > 0) problems.push(START_HINT);
  return problems;
};
