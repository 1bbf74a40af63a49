import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';
import { ConfigError, loadConfig } from './platform/config/app-config';
import { loadSecrets } from './platform/config/secrets';
import { createRootLogger, PinoNestLogger } from './platform/logging/logger';

const bootstrap = async (): Promise<void> => {
  const config = loadConfig();
  loadSecrets(); // refuses a missing, weak or published key before anything starts
  const logger = createRootLogger(config.logLevel, 'levier-worker');
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: new PinoNestLogger(logger) });
  // SIGTERM/SIGINT close the workers: BullMQ lets running jobs finish before the process exits.
  app.enableShutdownHooks();
  logger.info('Worker Levier démarré (files figures, indicators, reports)');
};

bootstrap().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
