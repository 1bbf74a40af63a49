import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import type { AuthUser } from './auth-user';
import type { Role } from './role-assignment.entity';

interface LiveRow {
  email: string;
  roles: { role: Role; orgUnitId: string | null }[];
}

/**
 * What an access token is worth now, read on every request: its user still exists, is active, belongs to the token's
 * organisation (a demo account only in demo mode), its session (refresh-token family) is neither logged out nor revoked,
 * and its roles are those assigned today, not those written in the token. So a logout, a password change, a
 * deactivation or a demotion takes effect on the next request, and a token naming an unknown user opens nothing.
 * Runs on the owner connection (before any tenant context), like login.
 */
@Injectable()
export class LiveSessionRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async resolve(claims: { userId: string; organisationId: string; sessionId: string }): Promise<AuthUser | null> {
    const rows: LiveRow[] = await this.dataSource.query(
      `SELECT u.email,
              coalesce((SELECT json_agg(json_build_object('role', r.role, 'orgUnitId', r.org_unit_id) ORDER BY r.role, r.org_unit_id)
                          FROM role_assignment r WHERE r.user_id = u.id AND r.organisation_id = u.organisation_id), '[]') AS roles
         FROM app_user u
        WHERE u.id = $1 AND u.organisation_id = $2 AND u.active AND (NOT u.is_demo OR $4)
          AND EXISTS (SELECT 1 FROM refresh_token t WHERE t.user_id = u.id AND t.family_id = $3 AND t.revoked_at IS NULL AND t.expires_at > now())`,
      [claims.userId, claims.organisationId, claims.sessionId, this.config.demoMode],
    );
    const row = rows[0];
    if (!row || row.roles.length === 0) return null;
    return { id: claims.userId, email: row.email, organisationId: claims.organisationId, roles: row.roles };
  }
}
