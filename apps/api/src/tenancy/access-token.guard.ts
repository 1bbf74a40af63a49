import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { TokenService } from './token.service';
import { LiveSessionRepository } from './live-session.repository';
import type { AuthUser } from './auth-user';
import type { Role } from './role-assignment.entity';
import { reservedActionMessage } from './role-names';

/**
 * Global guard: every route needs a valid bearer access token unless marked `@Public()`, and the roles of
 * `@Roles(...)` when present. A signature is not enough: the token's user, organisation, session and roles are checked
 * against the database on every request (`LiveSessionRepository`). The caller lands on `req.user`.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: LiveSessionRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const claims = token ? await this.tokens.verifyAccess(token) : null;
    const user = claims ? await this.sessions.resolve(claims) : null;
    if (!user) throw new UnauthorizedException('Session absente ou expirée : reconnectez-vous.');
    request.user = user;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !user.roles.some((r) => required.includes(r.role))) {
      throw new ForbiddenException(reservedActionMessage(required));
    }
    return true;
  }
}
