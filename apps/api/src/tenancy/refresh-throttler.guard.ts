import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { TokenService } from './token.service';

export const REFRESH_COOKIE = 'levier_refresh';

/** The refresh cookie of a request, if any. */
export const refreshCookieOf = (req: { cookies?: unknown }): string | undefined => {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * The refresh route's rate limit, per session rather than per client address (issue 15, finding 6): colleagues behind
 * one office address no longer use up each other's refreshes. The tracker is a hash of the refresh cookie (never the
 * cookie itself); a request without the cookie is not counted (the route answers 401 at once, touching nothing).
 */
@Injectable()
export class RefreshThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return refreshCookieOf(context.switchToHttp().getRequest<{ cookies?: unknown }>()) === undefined;
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return `session-${TokenService.hash(refreshCookieOf(req) ?? '')}`;
  }
}
