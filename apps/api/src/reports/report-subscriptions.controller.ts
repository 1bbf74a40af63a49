import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { uuidParam } from '../platform/http/uuid-param.pipe';
import type { AuthUser } from '../tenancy/auth-user';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Public } from '../tenancy/public.decorator';
import { Roles } from '../tenancy/roles.decorator';
import { CreateReportSubscriptionDto, SendReportDto, UpdateReportSubscriptionDto } from './dto/report-subscription.dto';
import { ReportDeliveriesService } from './report-deliveries.service';
import { SUBSCRIPTION_SORTABLE } from './report-subscription.repository';
import {
  ReportSendAcceptedResponse,
  ReportSubscriptionResponse,
  toReportSendAcceptedResponse,
  toReportSubscriptionResponse,
} from './report-subscription.mapper';
import { ReportSubscriptionsService } from './report-subscriptions.service';
import { unsubscribeAction } from './unsubscribe-links';
import { unsubscribePage } from './unsubscribe-page';

const NOT_FOUND = 'Abonnement introuvable.';

@ApiTags('rapports')
@ApiBearerAuth()
@Controller('report-subscriptions')
export class ReportSubscriptionsController {
  constructor(
    private readonly subscriptions: ReportSubscriptionsService,
    private readonly deliveries: ReportDeliveriesService,
  ) {}

  /**
   * The link of each email. GET only shows a confirmation page (mail security scanners prefetch links: a GET must not
   * unsubscribe anyone); its button POSTs to the same signed URL.
   */
  @Get('unsubscribe')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiQuery({ name: 'token', required: true })
  @ApiOperation({ summary: 'Lien de désabonnement signé, reçu dans chaque rapport : page de confirmation, sans connexion ; ne modifie rien' })
  async confirmUnsubscribe(@Query('token') token: unknown, @Res({ passthrough: true }) res: Response): Promise<string> {
    const text = typeof token === 'string' ? token : '';
    const outcome = await this.deliveries.checkUnsubscribe(text);
    if (outcome.kind === 'invalid') res.status(400);
    return unsubscribePage(outcome, unsubscribeAction(text));
  }

  /**
   * Performs the unsubscription (idempotent): the confirmation page's button, and the RFC 8058 one-click POST of mail
   * clients (body `List-Unsubscribe=One-Click`, form-encoded or multipart; the body is not needed and not read).
   * Exempt from login and from the CSRF header on purpose, as every `@Public()` route that reads no cookie: the
   * signed token in the URL is the only authorisation, and RFC 8058 forbids clients to send cookies or credentials.
   */
  @Post('unsubscribe')
  @Public()
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiQuery({ name: 'token', required: true })
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data')
  @ApiOperation({ summary: 'Désabonnement (bouton de la page de confirmation, ou en un clic selon la RFC 8058 : List-Unsubscribe=One-Click)' })
  async unsubscribe(@Query('token') token: unknown, @Res({ passthrough: true }) res: Response): Promise<string> {
    const text = typeof token === 'string' ? token : '';
    const outcome = await this.deliveries.unsubscribe(text);
    if (outcome.kind === 'invalid') res.status(400);
    return unsubscribePage(outcome, unsubscribeAction(text));
  }

  @Get()
  @Roles('admin', 'director', 'finance')
  @ApiOperation({ summary: 'Abonnements aux rapports (filtres : q, active, id)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<ReportSubscriptionResponse[]> {
    const query = parseListQuery(raw, { sortable: SUBSCRIPTION_SORTABLE, defaultSort: { field: 'createdAt', order: 'DESC' } });
    const page = await this.subscriptions.list(user, query);
    setContentRange(res, 'report-subscriptions', query.offset, page.rows.length, page.total);
    return page.rows.map((s) => toReportSubscriptionResponse(s));
  }

  @Get(':id')
  @Roles('admin', 'director', 'finance')
  async get(@CurrentUser() user: AuthUser, @Param('id', uuidParam(NOT_FOUND)) id: string): Promise<ReportSubscriptionResponse> {
    return toReportSubscriptionResponse(await this.subscriptions.get(user, id));
  }

  @Post()
  @Roles('director', 'admin')
  @ApiOperation({ summary: 'Abonne des destinataires (comptes ou adresses simples) au rapport d’un périmètre, selon une planification cron (heure de Paris)' })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateReportSubscriptionDto): Promise<ReportSubscriptionResponse> {
    return toReportSubscriptionResponse(await this.subscriptions.create(user, body));
  }

  @Put(':id')
  @Roles('director', 'admin')
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam(NOT_FOUND)) id: string,
    @Body() body: UpdateReportSubscriptionDto,
  ): Promise<ReportSubscriptionResponse> {
    return toReportSubscriptionResponse(await this.subscriptions.update(user, id, body));
  }

  @Delete(':id')
  @Roles('director', 'admin')
  async remove(@CurrentUser() user: AuthUser, @Param('id', uuidParam(NOT_FOUND)) id: string): Promise<{ id: string }> {
    await this.subscriptions.remove(user, id);
    return { id };
  }

  @Get(':id/preview')
  @Roles('admin', 'director', 'finance')
  @ApiOperation({ summary: 'Aperçu du courriel dans le navigateur (sous vos propres droits), sans rien envoyer : objet et HTML' })
  async preview(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam(NOT_FOUND)) id: string,
    @Query() query: SendReportDto,
  ): Promise<{ period: string; subject: string; html: string }> {
    const { period, subject, html } = await this.subscriptions.preview(user, id, query.period);
    return { period, subject, html };
  }

  @Post(':id/send')
  @HttpCode(202)
  @Roles('director', 'admin')
  @ApiOperation({ summary: 'Envoie maintenant (aperçu) le rapport à chaque destinataire, chacun sous ses propres droits' })
  async send(@CurrentUser() user: AuthUser, @Param('id', uuidParam(NOT_FOUND)) id: string, @Body() body: SendReportDto): Promise<ReportSendAcceptedResponse> {
    return toReportSendAcceptedResponse(await this.subscriptions.sendNow(user, id, body.period));
  }
}
