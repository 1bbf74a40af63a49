import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { User } from './user.entity';
import { RoleAssignment } from './role-assignment.entity';
import { RefreshToken } from './refresh-token.entity';
import { Organisation } from './organisation.entity';
import type { AuthUser } from './auth-user';

/**
 * The reads and writes of login, refresh-token rotation and password change. They run before any tenant is known, so
 * on the owner connection, on the user, role, organisation and token tables only.
 */
@Injectable()
export class AuthRepository {
  constructor(private readonly dataSource: DataSource) {}

  userByEmail(email: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { email } });
  }

  userById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { id } });
  }

  userOrFail(id: string): Promise<User> {
    return this.dataSource.getRepository(User).findOneOrFail({ where: { id } });
  }

  organisationOrFail(id: string): Promise<Organisation> {
    return this.dataSource.getRepository(Organisation).findOneOrFail({ where: { id } });
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.dataSource.getRepository(User).update(userId, { passwordHash });
  }

  async rolesOf(user: User): Promise<AuthUser['roles']> {
    const roles = await this.dataSource.getRepository(RoleAssignment).find({ where: { userId: user.id, organisationId: user.organisationId } });
    return roles.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId }));
  }

  refreshToken(tokenHash: string): Promise<RefreshToken | null> {
    return this.dataSource.getRepository(RefreshToken).findOne({ where: { tokenHash } });
  }

  async insertRefreshToken(token: Pick<RefreshToken, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).insert(token);
  }

  /** Ends a whole session: every token of the family not revoked yet. */
  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Ends every session of a user (password changed). */
  async revokeUserSessions(userId: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).update({ userId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Marks a token rotated, once: false when another request rotated it first. */
  async claimRotation(tokenId: string, at: Date): Promise<boolean> {
    const claimed = await this.dataSource.getRepository(RefreshToken).update({ id: tokenId, rotatedAt: IsNull() }, { rotatedAt: at });
    return Boolean(claimed.affected);
  }
}
