import { Cluster } from 'ioredis';
import { bullConnection, closeBullClusters, redisOptions } from './redis-connection';

const single = { redisUrl: 'redis://:s3cret@cache.local:6380/2', redisSentinels: [], redisSentinelName: 'mymaster', redisClusterNodes: [] };

describe(redisOptions.name, () => {
  it('connects to REDIS_URL alone when no sentinel is given', () => {
    expect(redisOptions(single)).toMatchObject({ host: 'cache.local', port: 6380, password: 's3cret', db: 2 });
    expect(redisOptions(single)).not.toHaveProperty('sentinels');
  });

  it('asks the sentinels for the named primary, with REDIS_URL credentials, and reconnects on READONLY after a failover', () => {
    const sut = redisOptions({ ...single, redisSentinels: [{ host: 's1', port: 26379 }], redisSentinelName: 'levier' });
    expect(sut).toMatchObject({ sentinels: [{ host: 's1', port: 26379 }], name: 'levier', password: 's3cret', db: 2 });
    expect(sut).not.toHaveProperty('host');
    expect(sut.reconnectOnError?.(new Error("READONLY You can't write against a read only replica."))).toBe(true);
    expect(sut.reconnectOnError?.(new Error('ERR unknown command'))).toBe(false);
  });
});

describe(bullConnection.name, () => {
  afterEach(() => closeBullClusters());

  it('gives BullMQ options with no retry limit per request (blocking workers) for one server', () => {
    expect(bullConnection(single)).toMatchObject({ host: 'cache.local', maxRetriesPerRequest: null });
  });

  it('gives BullMQ one Cluster client over the seed nodes for a Redis Cluster', () => {
    const sut = bullConnection({ ...single, redisUrl: 'redis://127.0.0.1:1', redisClusterNodes: [{ host: '127.0.0.1', port: 1 }] });
    expect(sut).toBeInstanceOf(Cluster);
    expect((sut as Cluster).options.redisOptions).toMatchObject({ maxRetriesPerRequest: null });
  });
});
