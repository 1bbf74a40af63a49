import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ApiModule } from './api.module';
import { ConfigError, loadConfig } from './platform/config/app-config';
import { configureApp } from './platform/http/configure-app';
import { createRootLogger, PinoNestLogger } from './platform/logging/logger';

const bootstrap = async (): Promise<void> => {
  const config = loadConfig();
  const logger = createRootLogger(config.logLevel, 'levier-api');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { logger: new PinoNestLogger(logger), bodyParser: false });
  configureApp(app, config, logger);
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  // a slow or stalled client cannot hold a connection forever
  const server = app.getHttpServer() as import('node:http').Server;
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  logger.info({ port: config.port }, `API Levier à l'écoute sur ${config.appUrl}`);
};

bootstrap().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
