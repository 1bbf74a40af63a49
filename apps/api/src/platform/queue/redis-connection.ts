import type { ConnectionOptions } from 'bullmq';
import Redis, { Cluster, RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config';

type RedisSettings = Pick<AppConfig, 'redisUrl' | 'redisSentinels' | 'redisSentinelName' | 'redisClusterNodes'>;

/** Credentials, database and TLS of REDIS_URL: also those of the Sentinel primary or of every Cluster node. */
const urlOptions = (redisUrl: string): RedisOptions => {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
};

/** After a Sentinel failover the old primary may still answer, as a read-only replica: reconnect (and ask Sentinel again). */
const reconnectOnReadOnly = (err: Error): boolean => err.message.startsWith('READONLY');

/**
 * ioredis options for one server (REDIS_URL) or for the primary that Sentinel names (REDIS_SENTINELS,
 * REDIS_SENTINEL_NAME): ioredis asks the sentinels where the primary is, and asks again after a failover.
 */
export const redisOptions = (settings: RedisSettings, overrides: RedisOptions = {}): RedisOptions => {
  const base = urlOptions(settings.redisUrl);
  if (settings.redisSentinels.length === 0) return { ...base, ...overrides };
  const { host: _host, port: _port, ...credentials } = base;
  return {
    ...credentials,
    sentinels: settings.redisSentinels.map(({ host, port }) => ({ host, port })),
    name: settings.redisSentinelName,
    reconnectOnError: reconnectOnReadOnly,
    ...overrides,
  };
};

/** A Redis Cluster client over REDIS_CLUSTER_NODES (the other nodes are discovered), with REDIS_URL's credentials. */
export const redisCluster = (settings: RedisSettings, overrides: RedisOptions = {}): Cluster => {
  const { host: _host, port: _port, db: _db, ...credentials } = urlOptions(settings.redisUrl);
  return new Cluster(
    settings.redisClusterNodes.map(({ host, port }) => ({ host, port })),
    { redisOptions: { ...credentials, ...overrides }, enableOfflineQueue: overrides.enableOfflineQueue ?? true, slotsRefreshTimeout: 2000 },
  );
};

/** One client to the configured Redis, whichever its topology (single server, Sentinel, Cluster). */
export const createRedisClient = (settings: RedisSettings, overrides: RedisOptions = {}): Redis | Cluster =>
  settings.redisClusterNodes.length > 0 ? redisCluster(settings, overrides) : new Redis(redisOptions(settings, overrides));

const clusters = new Set<Cluster>();

/**
 * BullMQ's `connection`: options (one server, Sentinel) from which BullMQ opens its own connections, or, for a
 * Cluster, one shared Cluster client (BullMQ duplicates it for blocking reads) that {@link closeBullClusters} ends.
 */
export const bullConnection = (settings: RedisSettings): ConnectionOptions => {
  if (settings.redisClusterNodes.length === 0) {
    // ioredis types retryStrategy as possibly null, BullMQ's copy of the options does not: none is set here
    const { retryStrategy: _none, ...options } = redisOptions(settings, { maxRetriesPerRequest: null });
    return options;
  }
  const cluster = redisCluster(settings, { maxRetriesPerRequest: null });
  cluster.on('error', () => undefined);
  clusters.add(cluster);
  return cluster;
};

export const closeBullClusters = (): void => {
  for (const cluster of clusters) cluster.disconnect();
  clusters.clear();
};
