import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../tenancy/auth-user';
import { rolesOf } from '../tenancy/role-assignments';

/** The user id of a recipient who has no account (a synthetic viewer): never a real user's id. */
export const PLAIN_RECIPIENT_ID = '00000000-0000-0000-0000-000000000000';

export type RecipientKind = 'user' | 'plain';

/**
 * Whose rights render a recipient's email (docs/product-rules.md#report-emails: "under the recipient's own rights, never the creator's"):
 * an active account of the subscription's organisation → that user with their role assignments; anyone else (a plain
 * address, an account of another organisation, a disabled account) → a synthetic `viewer` of the subscription's org
 * units only, so small numbers are masked for them.
 */
@Injectable()
export class RecipientRights {
  async resolve(
    em: EntityManager,
    organisationId: string,
    recipient: string,
    orgUnitCodes: readonly string[],
  ): Promise<{ kind: RecipientKind; user: AuthUser }> {
    const users: { id: string; email: string }[] = await em.query(
      `SELECT id, email FROM app_user WHERE organisation_id = $1 AND lower(email) = lower($2) AND active`,
      [organisationId, recipient],
    );
    if (users.length === 1) {
      const roles = await rolesOf(em, organisationId, users[0].id);
      if (roles.length > 0) return { kind: 'user', user: { id: users[0].id, email: users[0].email, organisationId, roles } };
    }
    const units: { id: string }[] = await em.query(`SELECT id FROM org_unit WHERE organisation_id = $1 AND code = ANY($2::varchar[])`, [
      organisationId,
      [...orgUnitCodes],
    ]);
    return {
      kind: 'plain',
      user: { id: PLAIN_RECIPIENT_ID, email: recipient, organisationId, roles: units.map((u) => ({ role: 'viewer' as const, orgUnitId: u.id })) },
    };
  }
}
