import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Logger } from 'pino';
import { ApiModule } from '../../apps/api/src/api.module';
import { loadConfig } from '../../apps/api/src/platform/config/app-config';
import { configureApp } from '../../apps/api/src/platform/http/configure-app';
import { PinoNestLogger } from '../../apps/api/src/platform/logging/logger';
import { TEST_JWT_SECRET, TEST_REDIS_URL } from './test-env';
import { createTestDatabase, TestDatabase, uniqueQueuePrefix } from './test-database';

export interface TestApi {
  app: INestApplication;
  db: TestDatabase;
  queuePrefix: string;
  close(): Promise<void>;
}

/**
 * The real API module over a fresh database and its own queue prefix, as e2e tests see it through supertest.
 * With `options.logger`, Nest's log and the HTTP access log go to that pino logger, as in `main.ts`.
 */
export const createTestApi = async (env: Record<string, string> = {}, options: { logger?: Logger } = {}): Promise<TestApi> => {
  const db = await createTestDatabase();
  const queuePrefix = uniqueQueuePrefix();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    DEMO_MODE: 'true',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    JWT_SECRET: TEST_JWT_SECRET,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: options.logger === undefined ? ['error'] : new PinoNestLogger(options.logger),
  });
  configureApp(app, loadConfig(), options.logger);
  await app.init();
  return {
    app,
    db,
    queuePrefix,
    async close() {
      await app.close();
      await db.drop();
    },
  };
};
