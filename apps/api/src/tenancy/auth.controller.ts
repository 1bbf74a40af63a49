import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, Post, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import { AuthService, Profile, Session } from './auth.service';
import { PasswordResetService } from './password-reset.service';
import { ChangePasswordDto, LoginDto, PasswordResetConfirmDto, PasswordResetRequestDto } from './auth.dto';
import { Public } from './public.decorator';
import { CurrentUser } from './current-user.decorator';
import type { AuthUser } from './auth-user';
import { withRetryAfter } from './too-many-attempts.exception';
import { REFRESH_COOKIE, refreshCookieOf, RefreshThrottlerGuard } from './refresh-throttler.guard';
import type { Integer } from '@levier/contracts';

export { REFRESH_COOKIE } from './refresh-throttler.guard';
/**
 * Set and cleared with the refresh cookie, readable by the admin's script (not httpOnly) and holding no secret (`1`):
 * the admin asks for a refresh only when it is there, so a signed-out page never spends refreshes (issue 15, finding 6).
 */
export const SESSION_COOKIE = 'levier_session';
/** Cookie-authenticated calls must carry this header: a cross-site form cannot set it (CSRF protection). */
export const CSRF_HEADER = 'x-requested-with';

/** What login and refresh answer: the access token, its lifetime in seconds, and who is signed in (the refresh token is a cookie). */
export interface SessionResponse {
  accessToken: string;
  expiresIn: Integer;
  user: Session['user'];
}

const sessionBody = (s: Session): SessionResponse => ({ accessToken: s.accessToken, expiresIn: s.expiresIn, user: s.user });

@ApiTags('authentification')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Connexion par e-mail et mot de passe ; pose le cookie de rafraîchissement' })
  async login(@Body() dto: LoginDto, @Req() req: Request & { id?: string }, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    const session = await withRetryAfter(res, () => this.auth.login(dto.email, dto.password, { ip: req.ip, requestId: req.id }));
    this.setRefreshCookie(res, session);
    return sessionBody(session);
  }

  /** Limited per session (hash of the refresh cookie), not per address; without the cookie: 401 at once, not counted. */
  @Public()
  @UseGuards(RefreshThrottlerGuard)
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Nouveau jeton d’accès à partir du cookie de rafraîchissement (rotation)' })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    this.requireCsrfHeader(req);
    const cookie = this.cookie(req);
    if (cookie === undefined) {
      this.clearCookies(res);
      throw new UnauthorizedException('Aucune session ouverte : connectez-vous.');
    }
    try {
      const session = await this.auth.refresh(cookie);
      this.setRefreshCookie(res, session);
      return sessionBody(session);
    } catch (err) {
      // an expired, revoked or unknown session: the page stops asking
      if (err instanceof UnauthorizedException) this.clearCookies(res);
      throw err;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    this.requireCsrfHeader(req);
    await this.auth.logout(this.cookie(req));
    this.clearCookies(res);
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<Profile> {
    return this.auth.profile(user);
  }

  @UseGuards(ThrottlerGuard)
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    await withRetryAfter(res, () => this.auth.changePassword(user, dto.currentPassword, dto.newPassword));
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('password-reset/request')
  @HttpCode(202)
  requestReset(@Body() dto: PasswordResetRequestDto): { status: string } {
    this.resets.request(dto.email);
    return { status: 'Si un compte existe pour cette adresse, un lien de réinitialisation a été envoyé.' };
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('password-reset/confirm')
  @HttpCode(204)
  async confirmReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    await this.resets.confirm(dto.token, dto.newPassword);
  }

  private cookie(req: Request): string | undefined {
    return refreshCookieOf(req);
  }

  private clearCookies(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  private requireCsrfHeader(req: Request): void {
    if (req.headers[CSRF_HEADER] !== 'levier') throw new ForbiddenException('En-tête X-Requested-With: levier requis.');
  }

  private setRefreshCookie(res: Response, session: Session): void {
    res.cookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.appUrl.startsWith('https:'),
      path: '/api/auth',
      expires: session.refreshExpiresAt,
    });
    res.cookie(SESSION_COOKIE, '1', {
      httpOnly: false,
      sameSite: 'strict',
      secure: this.config.appUrl.startsWith('https:'),
      path: '/',
      expires: session.refreshExpiresAt,
    });
  }
}
