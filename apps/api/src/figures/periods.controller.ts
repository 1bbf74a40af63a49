import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseEnumPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { PeriodAction, PeriodsService } from './periods.service';
import { PeriodStatusResponse, toPeriodStatusResponse } from './period-status.mapper';
import { PeriodActionDto } from './dto/period-action.dto';
import { FIGURE_WRITER_ROLES } from './figure.entity';
import { uuidParam } from '../platform/http/uuid-param.pipe';
import { PeriodChangeResponse, toPeriodChangeResponse } from './history.repository';

enum PeriodActionParam {
  submit = 'submit',
  approve = 'approve',
  reopen = 'reopen',
}

@ApiTags('saisie')
@ApiBearerAuth()
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Get()
  @ApiOperation({ summary: 'État des périodes par unité (filtres : orgUnit, period, status)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<PeriodStatusResponse[]> {
    const query = parseListQuery(raw, { sortable: ['period', 'orgUnit', 'status', 'updatedAt'] as const, defaultSort: { field: 'period', order: 'DESC' } });
    const page = await this.periods.list(user, query);
    setContentRange(res, 'periods', query.offset, page.rows.length, page.total);
    return page.rows.map(toPeriodStatusResponse);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Historique d’une période d’une unité : soumise, approuvée, rouverte (avec motif), par qui, quand' })
  async history(@CurrentUser() user: AuthUser, @Param('id', uuidParam('Période introuvable.')) id: string): Promise<PeriodChangeResponse[]> {
    return (await this.periods.history(user, id)).map(toPeriodChangeResponse);
  }

  @Post(':action')
  @HttpCode(200)
  @Roles(...FIGURE_WRITER_ROLES)
  @ApiParam({ name: 'action', enum: PeriodActionParam })
  @ApiOperation({ summary: 'Soumet, approuve (verrouille) ou rouvre (motif obligatoire) une période d’une unité' })
  async act(
    @CurrentUser() user: AuthUser,
    @Param('action', new ParseEnumPipe(PeriodActionParam, { exceptionFactory: () => new NotFoundException('Action inconnue : submit, approve ou reopen.') }))
    action: PeriodAction,
    @Body() dto: PeriodActionDto,
  ): Promise<PeriodStatusResponse[]> {
    return (await this.periods.act(user, action, dto)).map(toPeriodStatusResponse);
  }
}
