import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'pino';
import pinoHttp from 'pino-http';
import { AppConfig } from '../config/app-config';
import { scrubSecrets } from '../logging/logger';
import { repoRoot } from '../repo-root';
import { rejectDeepJson } from './json-depth';
import { periodYearRange } from './period-years';
import { answerClientErrors } from './client-errors';

/**
 * Everything the HTTP process needs beyond its modules, shared by `main.ts` and the e2e tests:
 * `/api` prefix, request ids and JSON access log, security headers, CORS, cookies, body limits,
 * OpenAPI at `/api/docs`, and the built admin at `/`.
 */
export const configureApp = (app: NestExpressApplication, config: AppConfig, logger?: Logger): INestApplication => {
  periodYearRange(); // a malformed PERIOD_YEAR_MIN / PERIOD_YEAR_MAX stops the start here, not at the first request
  app.setGlobalPrefix('api');
  // an address over 16 KiB or a malformed request, refused by Node's parser before Express: French problem details
  answerClientErrors(app.getHttpServer() as Server);
  // X-Forwarded-For is believed only from the configured proxies (TRUSTED_PROXIES, default loopback)
  app.set('trust proxy', [...config.trustedProxies]);
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      enabled: logger !== undefined,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      // no request headers (Authorization, Cookie) and no token in a logged URL; response headers go through the
      // root logger's redaction (`set-cookie` is masked)
      serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: scrubSecrets(req.url) }) },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] },
      },
    }),
  );
  app.enableCors({
    origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false,
    credentials: true,
    exposedHeaders: ['Content-Range', 'X-Request-Id'],
  });
  // API answers (tokens, figures, personal data) are never stored by a browser or a shared cache; a route that wants
  // caching (none today) sets its own header after this one
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '2mb' });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.use(rejectDeepJson);

  const openApi = new DocumentBuilder()
    .setTitle('Levier API')
    .setDescription('Épargne médico-sociale et réallocation des ressources : saisie, imports, indicateurs, rapports.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  // the OpenAPI description is a map of every route: public in development and demo, off in production unless API_DOCS=true
  if (config.apiDocs) SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));

  const ADMIN_DIST = path.join(repoRoot(), 'apps', 'admin', 'dist');
  if (existsSync(ADMIN_DIST)) {
    app.useStaticAssets(ADMIN_DIST, { index: false, maxAge: '1h' });
    const indexHtml = path.join(ADMIN_DIST, 'index.html');
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
      res.sendFile(indexHtml);
    });
  }
  return app;
};
