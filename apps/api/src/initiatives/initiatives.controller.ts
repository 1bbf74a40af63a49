import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { INITIATIVE_SORTS } from './initiative.repository';
import { InitiativesService } from './initiatives.service';
import { InitiativeResponse, InitiativesSummaryResponse } from './initiative.mapper';
import { CreateInitiativeDto, UpdateInitiativeDto } from './dto/initiative.dto';
import { InitiativesSummaryQuery } from './dto/initiatives-summary.query';

@ApiTags('initiatives')
@ApiBearerAuth()
@Controller('initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Get()
  @ApiOperation({ summary: 'Initiatives des agents (PIFPP) de votre périmètre (filtres : id, orgUnit, service, status)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<InitiativeResponse[]> {
    const query = parseListQuery(raw, { sortable: INITIATIVE_SORTS, defaultSort: { field: 'startDate', order: 'DESC' } });
    const page = await this.initiatives.list(user, query);
    setContentRange(res, 'initiatives', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get('summary')
  @ApiOperation({ summary: 'Initiatives par statut et ressources mobilisées (heures, euros) sur une unité et ses sous-unités' })
  @ApiQuery({ name: 'orgUnit', required: false })
  summary(@CurrentUser() user: AuthUser, @Query() query: InitiativesSummaryQuery): Promise<InitiativesSummaryResponse> {
    return this.initiatives.summary(user, query.orgUnit);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<InitiativeResponse> {
    return this.initiatives.get(user, id);
  }

  @Post()
  @Roles('admin', 'finance', 'director')
  @ApiOperation({ summary: 'Déclare une initiative d’agents : équipe, service, début, statut, ressources mobilisées, résultats' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateInitiativeDto): Promise<InitiativeResponse> {
    return this.initiatives.create(user, dto);
  }

  @Put(':id')
  @Roles('admin', 'finance', 'director')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateInitiativeDto): Promise<InitiativeResponse> {
    return this.initiatives.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('admin', 'finance', 'director')
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<InitiativeResponse> {
    return this.initiatives.remove(user, id);
  }
}
