import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import { AccessTokenGuard } from './access-token.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthRepository } from './auth.repository';
import { AuditModule } from '../audit/audit.module';
import { PasswordResetService } from './password-reset.service';
import { TokenService } from './token.service';
import { LiveSessionRepository } from './live-session.repository';
import { LoginThrottleRepository } from './login-throttle.repository';

/** Authentication, roles and the tenant context. The access-token guard protects every route by default. */
@Global()
@Module({
  imports: [
    AuditModule,
    JwtModule.register({}),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [{ name: 'default', ttl: 60_000, limit: config.authRateLimitPerMinute }],
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AuthRepository,
    PasswordResetService,
    TokenService,
    LiveSessionRepository,
    LoginThrottleRepository,
    { provide: APP_GUARD, useClass: AccessTokenGuard },
  ],
  exports: [TokenService],
})
export class TenancyModule {}
