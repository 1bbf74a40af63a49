import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Cluster, Redis } from 'ioredis';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import { createRedisClient } from '../platform/queue/redis-connection';

export interface HealthReport {
  status: 'ok' | 'error';
  checks: { postgres: 'up' | 'down'; redis: 'up' | 'down' };
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: Redis | Cluster;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = createRedisClient(config, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 1000, enableOfflineQueue: false });
    this.redis.on('error', () => undefined);
  }

  async check(): Promise<HealthReport> {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), 2000).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      withTimeout(this.pingRedis(), 2000).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    ]);
    return { status: postgres === 'up' && redis === 'up' ? 'ok' : 'error', checks: { postgres, redis } };
  }

  private async pingRedis(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
    await this.redis.ping();
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
