import { ConsoleLogger, LoggerService, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import Redis from 'ioredis';
import { WorkerModule } from '../../apps/api/src/worker.module';
import { ConfigModule } from '../../apps/api/src/platform/config/config.module';
import { DatabaseModule } from '../../apps/api/src/platform/database/database.module';
import { DATABASE_ENTITIES } from '../../apps/api/src/database-entities';
import { QueueModule } from '../../apps/api/src/platform/queue/queue.module';
import { FiguresModule } from '../../apps/api/src/figures/figures.module';
import { TEST_JWT_SECRET, TEST_REDIS_URL } from './test-env';

const env = (databaseUrl: string, queuePrefix: string): void => {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    DEMO_MODE: 'true',
    JWT_SECRET: TEST_JWT_SECRET,
  });
};

const quiet = (): ConsoleLogger => new ConsoleLogger({ logLevels: ['error'] });

/**
 * The real WorkerModule (processors, schedulers) over a test database and queue prefix; `close()` stops its workers.
 * `options.logger` receives Nest's log (errors only by default).
 */
export const startTestWorker = async (databaseUrl: string, queuePrefix: string, options: { logger?: LoggerService } = {}): Promise<TestingModule> => {
  env(databaseUrl, queuePrefix);
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
    .setLogger(options.logger ?? quiet())
    .compile();
  return moduleRef.init();
};

@Module({ imports: [ConfigModule, DatabaseModule.forRoot(DATABASE_ENTITIES), QueueModule, FiguresModule] })
class IngestionProducerModule {}

/** The ingestion services as the API process has them (enqueue, never consume): no processor runs. */
export const startTestProducer = async (databaseUrl: string, queuePrefix: string): Promise<TestingModule> => {
  env(databaseUrl, queuePrefix);
  const moduleRef = await Test.createTestingModule({ imports: [IngestionProducerModule] })
    .setLogger(quiet())
    .compile();
  return moduleRef.init();
};

/** Deletes every BullMQ key of one queue prefix: Redis "losing its jobs", without touching anyone else's keys. */
export const wipeQueueKeys = async (queuePrefix: string): Promise<number> => {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${queuePrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    return keys.length;
  } finally {
    redis.disconnect();
  }
};
