import { SetMetadata } from '@nestjs/common';
import type { Role } from './role-assignment.entity';

export const REQUIRED_ROLES = 'levier:roles';
/** Roles allowed on a route or controller; without it, any authenticated member of the organisation may call. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);
