import { EntityManager } from 'typeorm';
import type { AuthUser } from './auth-user';
import type { Role } from './role-assignment.entity';

/** A user's role assignments in an organisation as they are now (inside a TenantDb transaction). */
export const rolesOf = (em: EntityManager, organisationId: string, userId: string): Promise<AuthUser['roles']> =>
  em.query(`SELECT role, org_unit_id AS "orgUnitId" FROM role_assignment WHERE organisation_id = $1 AND user_id = $2`, [organisationId, userId]) as Promise<
    { role: Role; orgUnitId: string | null }[]
  >;
