import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import { CurrentUser } from '../tenancy/current-user.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { OperatorOnly } from './operator-only';
import { PlatformOperators } from './platform-operators';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH } from './queue-board-access';

/** The admin's way into the queue dashboard: whether the caller is an instance operator, and a session for a new tab. */
@ApiTags('exploitation')
@ApiBearerAuth()
@Controller('operations')
export class OperationsController {
  constructor(
    private readonly operators: PlatformOperators,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'L’appelant est-il opérateur de l’instance (tableau des files d’attente) ?' })
  async me(@CurrentUser() user: AuthUser): Promise<{ operator: boolean; mayRetry: boolean }> {
    const rights = await this.operators.rightsOf(user.id);
    return { operator: rights !== null, mayRetry: rights?.mayRetry ?? false };
  }

  /** Sets the dashboard cookie (the caller's access token, under the dashboard's path only) for the tab about to open. */
  @Post('queue-board-session')
  @HttpCode(200)
  @OperatorOnly()
  @ApiOperation({ summary: 'Ouvre le tableau des files d’attente dans un nouvel onglet (opérateurs de l’instance)' })
  queueBoardSession(@Req() req: Request, @Res({ passthrough: true }) res: Response): { url: string } {
    const token = (req.headers.authorization ?? '').slice('Bearer '.length).trim();
    res.cookie(QUEUE_BOARD_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.appUrl.startsWith('https:'),
      path: QUEUE_BOARD_PATH,
      maxAge: this.config.accessTokenTtlSeconds * 1000,
    });
    return { url: `${QUEUE_BOARD_PATH}/` };
  }
}
