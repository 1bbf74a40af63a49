import 'reflect-metadata';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ApiModule } from './api.module';
import { ConfigError, loadConfig } from './platform/config/app-config';
import { loadSecrets } from './platform/config/secrets';
import { configureApp } from './platform/http/configure-app';
import { createRootLogger, PinoNestLogger } from './platform/logging/logger';

const bootstrap = async (): Promise<void> => {
  const config = loadConfig();
  loadSecrets(); // refuses a missing, weak or published key before anything starts
  const logger = createRootLogger(config.logLevel, 'levier-api');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { logger: new PinoNestLogger(logger), bodyParser: false });
  configureApp(app, config, logger);
  app.enableShutdownHooks();
  await app.init();
  const server = app.getHttpServer() as Server;
  // a slow or stalled client cannot hold a connection forever; bursts of connections queue instead of being reset
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen({ port: config.port, host: '0.0.0.0', backlog: 4096 }, resolve));
  logger.info({ port: config.port }, `API Levier à l'écoute sur ${config.appUrl}`);
};

bootstrap().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
