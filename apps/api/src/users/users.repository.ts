import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RoleAssignment } from '../tenancy/role-assignment.entity';

/** The SQL of user administration, on the tenant's EntityManager: an account's role, and ending its sessions. */
@Injectable()
export class UsersRepository {
  /** The account's role and the code of its unit (null: the whole organisation), or undefined without a role. */
  async assignment(em: EntityManager, userId: string): Promise<{ role: RoleAssignment['role']; orgUnit: string | null } | undefined> {
    const rows: { role: RoleAssignment['role']; org_unit: string | null }[] = await em.query(
      `SELECT r.role, u.code AS org_unit FROM role_assignment r LEFT JOIN org_unit u ON u.id = r.org_unit_id WHERE r.user_id = $1 ORDER BY r.role LIMIT 1`,
      [userId],
    );
    return rows[0] ? { role: rows[0].role, orgUnit: rows[0].org_unit } : undefined;
  }

  /** Ends the account's open sessions: their access tokens stop at the next request (LiveSessionRepository). */
  async revokeSessions(em: EntityManager, userId: string): Promise<void> {
    await em.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }
}
