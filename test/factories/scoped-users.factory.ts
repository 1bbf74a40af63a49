import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-tenants';
import { hashPassword } from '../../apps/api/src/tenancy/password-hasher';
import type { Role } from '../../apps/api/src/tenancy/role-assignment.entity';

/** Roles to grant: a role and the code of the org unit whose subtree it covers, or null for the whole organisation. */
export type ScopedRoles = readonly (readonly [Role, string | null])[];

/**
 * A user of a seeded organisation with roles on org-unit subtrees (the demo seed has organisation-wide roles only, and
 * Bellerive's accounts cannot write everything), with the demo password so that `loginAs` works. Returns the user's id.
 */
export const createScopedUser = async (
  ds: DataSource,
  organisationName: string,
  email: string,
  roles: ScopedRoles,
  displayName: string = email,
): Promise<string> => {
  const [{ id: organisationId }] = (await ds.query(`SELECT id FROM organisation WHERE name = $1`, [organisationName])) as { id: string }[];
  const [{ id }] = (await ds.query(`INSERT INTO app_user (email, display_name, password_hash, organisation_id) VALUES ($1, $4, $2, $3) RETURNING id`, [
    email,
    await hashPassword(DEMO_PASSWORD),
    organisationId,
    displayName,
  ])) as { id: string }[];
  for (const [role, unitCode] of roles) {
    const inserted = (await ds.query(
      `INSERT INTO role_assignment (organisation_id, user_id, role, org_unit_id)
       SELECT $1, $2, $3, (SELECT u.id FROM org_unit u WHERE u.organisation_id = $1 AND u.code = $4)
       WHERE $4::text IS NULL OR EXISTS (SELECT 1 FROM org_unit u WHERE u.organisation_id = $1 AND u.code = $4)
       RETURNING id`,
      [organisationId, id, role, unitCode],
    )) as unknown[];
    if (inserted.length !== 1) throw new Error(`unité inconnue pour le rôle ${role} : ${String(unitCode)}`);
  }
  return id;
};
