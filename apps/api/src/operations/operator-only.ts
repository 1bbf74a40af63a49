import { applyDecorators, CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AuthUser } from '../tenancy/auth-user';
import { PlatformOperators } from './platform-operators';
import { OPERATOR_ONLY_MESSAGE } from './queue-board-access';

/** Metadata key of {@link OperatorOnly}: read by {@link PlatformOperatorGuard} and by the contract's role policy. */
export const OPERATOR_ONLY = 'levier:operatorOnly';

/**
 * Runs after the global access-token guard (the caller is on `req.user`): 403 unless the caller is an instance operator
 * (table `platform_operator`, granted by `levier operator:grant`), whatever their role in their organisation.
 */
@Injectable()
export class PlatformOperatorGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly operators: PlatformOperators,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.reflector.getAllAndOverride<boolean>(OPERATOR_ONLY, [context.getHandler(), context.getClass()])) return true;
    const user = context.switchToHttp().getRequest<Request & { user?: AuthUser }>().user;
    if (!user || (await this.operators.rightsOf(user.id)) === null) throw new ForbiddenException(OPERATOR_ONLY_MESSAGE);
    return true;
  }
}

/**
 * A route for instance operators only (« opérateur de la plateforme »), not for a role of the organisation: the
 * requirement is metadata, so the generated role policy (libs/contracts) says `operator` for it, and the guard enforces it.
 */
export const OperatorOnly = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(OPERATOR_ONLY, true), UseGuards(PlatformOperatorGuard));
