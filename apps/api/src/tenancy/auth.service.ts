import { randomUUID } from 'node:crypto';
import { BadRequestException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import { User } from './user.entity';
import { AuthRepository } from './auth.repository';
import { hashPassword, verifyPassword } from './password-hasher';
import { TokenService } from './token.service';
import type { AuthUser } from './auth-user';
import { LoginThrottleRepository } from './login-throttle.repository';
import { TooManyAttemptsException } from './too-many-attempts.exception';
import { passwordProblem } from './password-policy';

export interface Session {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: AuthUser;
}

export interface Profile extends AuthUser {
  displayName: string;
  organisation: { id: string; name: string };
}

const INVALID = 'Adresse e-mail ou mot de passe incorrect.';
let dummyHash: Promise<string> | undefined;

/**
 * Login, refresh-token rotation with reuse detection, logout. Runs before any tenant is known, so its reads and writes
 * (AuthRepository) use the owner connection on the user and token tables only; its audit rows (login events, password
 * changed) go through AuditedTenantWriter in the user's organisation, like every other audited change.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly writer: AuditedTenantWriter,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Progressive delays per address instead of a lock-out (issue 15, finding 5): the same steps, the same answers and
   * the same work (one password check, one write) for an address with an account and one without. After 5 failures
   * in a row an address waits 1 s, then 2 s, 4 s … up to 60 s (429 with Retry-After); the right password works as soon
   * as the wait is over, so nobody can lock someone else out for long.
   */
  async login(emailInput: string, password: string, meta: { ip?: string; requestId?: string }): Promise<Session> {
    const email = emailInput.trim().toLowerCase();
    const now = new Date();
    const wait = await this.throttle.waitSeconds(email, now);
    if (wait > 0) throw new TooManyAttemptsException(wait);
    const user = await this.repository.userByEmail(email);
    if (!user || !user.active) {
      // same work as a real check, so timing does not reveal which addresses exist
      await verifyPassword(await (dummyHash ??= hashPassword('levier-dummy-password')), password);
      await this.throttle.recordFailure(email, now);
      throw new UnauthorizedException(INVALID);
    }
    if (user.isDemo && !this.config.demoMode) throw new UnauthorizedException('Les comptes de démonstration ne fonctionnent qu’en mode démo.');
    if (!(await verifyPassword(user.passwordHash, password))) {
      const delay = await this.throttle.recordFailure(email, now);
      await this.audit(user, delay > 0 ? 'auth.login_delayed' : 'auth.login_failed', meta);
      throw new UnauthorizedException(INVALID);
    }
    await this.throttle.clear(email);
    await this.audit(user, 'auth.login', meta);
    return this.openSession(user, randomUUID());
  }

  async refresh(refreshToken: string): Promise<Session> {
    const stored = await this.repository.refreshToken(TokenService.hash(refreshToken));
    if (!stored) throw new UnauthorizedException('Session inconnue : reconnectez-vous.');
    if (stored.rotatedAt || stored.revokedAt) {
      // a rotated token presented again means it was stolen or replayed: end the whole session
      await this.repository.revokeFamily(stored.familyId, new Date());
      throw new UnauthorizedException('Session révoquée : reconnectez-vous.');
    }
    if (stored.expiresAt <= new Date()) throw new UnauthorizedException('Session expirée : reconnectez-vous.');
    if (!(await this.repository.claimRotation(stored.id, new Date()))) throw new UnauthorizedException('Session révoquée : reconnectez-vous.');
    const user = await this.repository.userById(stored.userId);
    if (!user || !user.active || (user.isDemo && !this.config.demoMode)) throw new UnauthorizedException('Compte désactivé.');
    return this.openSession(user, stored.familyId);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const stored = await this.repository.refreshToken(TokenService.hash(refreshToken));
    if (stored) await this.repository.revokeFamily(stored.familyId, new Date());
  }

  async profile(user: AuthUser): Promise<Profile> {
    const [row, organisation] = await Promise.all([this.repository.userOrFail(user.id), this.repository.organisationOrFail(user.organisationId)]);
    return { ...user, displayName: row.displayName, organisation: { id: organisation.id, name: organisation.name } };
  }

  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const row = await this.repository.userOrFail(user.id);
    // a stolen access token does not give unlimited guesses of the current password: the login's delays apply
    const wait = await this.throttle.waitSeconds(row.email, new Date());
    if (wait > 0) throw new TooManyAttemptsException(wait);
    if (!(await verifyPassword(row.passwordHash, currentPassword))) {
      await this.throttle.recordFailure(row.email, new Date());
      throw new UnauthorizedException('Mot de passe actuel incorrect.');
    }
    const problem = passwordProblem(newPassword, row.email);
    if (problem !== null) throw new BadRequestException(problem);
    await this.repository.setPasswordHash(row.id, await hashPassword(newPassword));
    await this.repository.revokeUserSessions(row.id, new Date());
    await this.audit(row, 'auth.password_changed', {});
  }

  rolesOf(user: User): Promise<AuthUser['roles']> {
    return this.repository.rolesOf(user);
  }

  private async openSession(user: User, familyId: string): Promise<Session> {
    const authUser: AuthUser = { id: user.id, email: user.email, organisationId: user.organisationId, roles: await this.rolesOf(user) };
    const { token, hash } = this.tokens.newOpaqueToken();
    const refreshExpiresAt = new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000);
    await this.repository.insertRefreshToken({ userId: user.id, familyId, tokenHash: hash, expiresAt: refreshExpiresAt });
    return {
      accessToken: await this.tokens.signAccess(authUser, familyId),
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshToken: token,
      refreshExpiresAt,
      user: authUser,
    };
  }

  /** A login event of the user, in the audit log of the user's organisation (the event itself is the change). */
  private async audit(user: User, action: string, meta: { ip?: string; requestId?: string }): Promise<void> {
    await this.writer.write(
      user,
      { entity: 'user', action },
      async () => ({ value: undefined, entityId: user.id, before: null, after: meta.ip ? { ip: meta.ip } : null }),
      { requestId: meta.requestId ?? null },
    );
  }
}
