import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import type { AuthUser } from './auth-user';

interface AccessClaims {
  sub: string;
  email: string;
  org: string;
  roles: AuthUser['roles'];
}

/** Short-lived signed access tokens, and opaque refresh tokens stored only as hashes. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  signAccess(user: AuthUser): Promise<string> {
    const claims: AccessClaims = { sub: user.id, email: user.email, org: user.organisationId, roles: user.roles };
    return this.jwt.signAsync(claims, { secret: this.config.jwtSecret, expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256', issuer: 'levier' });
  }

  async verifyAccess(token: string): Promise<AuthUser | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { secret: this.config.jwtSecret, algorithms: ['HS256'], issuer: 'levier' });
      return { id: claims.sub, email: claims.email, organisationId: claims.org, roles: claims.roles };
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
