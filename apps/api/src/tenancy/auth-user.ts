import type { Role } from './role-assignment.entity';

/** The authenticated caller, as every controller and service sees it (from the access token). */
export interface AuthUser {
  readonly id: string;
  readonly email: string;
  readonly organisationId: string;
  readonly roles: readonly { readonly role: Role; readonly orgUnitId: string | null }[];
}

export const hasRole = (user: AuthUser, ...roles: Role[]): boolean => user.roles.some((r) => roles.includes(r.role));
