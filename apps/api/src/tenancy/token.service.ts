import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, SECRETS } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import type { Secrets } from '../platform/config/secrets';
import type { AuthUser } from './auth-user';

/** What an access token says. Roles are not in it: they are read from the database on every request. */
interface AccessClaims {
  /** user */
  sub: string;
  /** organisation */
  org: string;
  /** session: the refresh-token family the token was issued with */
  sid: string;
}

export interface VerifiedAccess {
  readonly userId: string;
  readonly organisationId: string;
  readonly sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Short-lived signed access tokens, and opaque refresh tokens stored only as hashes. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECRETS) private readonly secrets: Secrets,
  ) {}

  signAccess(user: AuthUser, sessionId: string): Promise<string> {
    const claims: AccessClaims = { sub: user.id, org: user.organisationId, sid: sessionId };
    return this.jwt.signAsync(claims, {
      secret: this.secrets.jwtSecret,
      expiresIn: this.config.accessTokenTtlSeconds,
      algorithm: 'HS256',
      issuer: 'levier',
    });
  }

  /** The claims of a genuine, unexpired token of the right shape; null otherwise (the caller still checks they are live). */
  async verifyAccess(token: string): Promise<VerifiedAccess | null> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessClaims>>(token, { secret: this.secrets.jwtSecret, algorithms: ['HS256'], issuer: 'levier' });
      const { sub, org, sid } = claims;
      if (![sub, org, sid].every((v) => typeof v === 'string' && UUID.test(v))) return null;
      return { userId: sub as string, organisationId: org as string, sessionId: sid as string };
    } catch {
      return null;
    }
  }

  newOpaqueToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hash(token) };
  }

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
