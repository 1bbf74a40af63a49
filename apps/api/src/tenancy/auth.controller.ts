import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
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

export const REFRESH_COOKIE = 'levier_refresh';
/** Cookie-authenticated calls must carry this header: a cross-site form cannot set it (CSRF protection). */
export const CSRF_HEADER = 'x-requested-with';

const sessionBody = (s: Session) => ({ accessToken: s.accessToken, expiresIn: s.expiresIn, user: s.user });

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
  async login(@Body() dto: LoginDto, @Req() req: Request & { id?: string }, @Res({ passthrough: true }) res: Response) {
    const session = await withRetryAfter(res, () => this.auth.login(dto.email, dto.password, { ip: req.ip, requestId: req.id }));
    this.setRefreshCookie(res, session);
    return sessionBody(session);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Nouveau jeton d’accès à partir du cookie de rafraîchissement (rotation)' })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    this.requireCsrfHeader(req);
    const session = await this.auth.refresh(this.cookie(req) ?? '');
    this.setRefreshCookie(res, session);
    return sessionBody(session);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    this.requireCsrfHeader(req);
    await this.auth.logout(this.cookie(req));
    res.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
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
    const value = (req.cookies as Record<string, string> | undefined)?.[REFRESH_COOKIE];
    return typeof value === 'string' ? value : undefined;
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
  }
}
