import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { TokenService } from '../tenancy/token.service';
import { LiveSessionRepository } from '../tenancy/live-session.repository';
import type { AuthUser } from '../tenancy/auth-user';
import { PlatformOperators } from './platform-operators';
import { decideBoardAccess, QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH } from './queue-board-access';

const problem = (res: Response, status: 401 | 403, message: string): void => {
  res
    .status(status)
    .type('application/problem+json')
    .json({ type: 'about:blank', status, title: status === 401 ? 'Authentification requise' : 'Accès refusé', detail: message });
};

/** The request's path below the dashboard, without its query: `/api/queues/figures/retry/failed`. */
const boardPath = (req: Request): string => {
  const url = (req.originalUrl || req.url).split('?')[0] ?? '';
  return url.startsWith(QUEUE_BOARD_PATH) ? url.slice(QUEUE_BOARD_PATH.length) || '/' : url;
};

/**
 * Express middleware in front of Bull Board (it sits outside Nest's guards): the same live session as the API (a
 * bearer access token, or the dashboard cookie holding one), then the caller's instance-operator rights, then
 * {@link decideBoardAccess}. 401 without a live session, 403 for anyone who is not an instance operator (a CCAS
 * administrator included: the dashboard shows every organisation's jobs) and for writes other than allowed retries.
 */
@Injectable()
export class QueueBoardGate {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: LiveSessionRepository,
    private readonly operators: PlatformOperators,
  ) {}

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    this.check(req, res).then(
      (allowed) => (allowed ? next() : undefined),
      (err: unknown) => next(err),
    );
  };

  /** The caller of a request that carries a bearer token or the dashboard cookie, if the session is live. */
  async caller(req: Request): Promise<AuthUser | null> {
    const header = req.headers.authorization;
    const cookies = (req as Request & { cookies?: Record<string, string | undefined> }).cookies;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : cookies?.[QUEUE_BOARD_COOKIE];
    const claims = token ? await this.tokens.verifyAccess(token) : null;
    return claims ? this.sessions.resolve(claims) : null;
  }

  private async check(req: Request, res: Response): Promise<boolean> {
    const user = await this.caller(req);
    if (!user) {
      problem(res, 401, 'Session absente ou expirée : rouvrez le tableau des files d’attente depuis l’administration.');
      return false;
    }
    const decision = decideBoardAccess(await this.operators.rightsOf(user.id), req.method, boardPath(req));
    if (!decision.allowed) problem(res, decision.status, decision.message);
    return decision.allowed;
  }
}
