import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import { Roles } from '../../tenancy/roles.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../../platform/http/list-query';
import { CreateIndicatorTargetDto, UpdateIndicatorTargetDto } from './indicator-target.dto';
import { INDICATOR_TARGET_SORTS, IndicatorTargetsService } from './indicator-targets.service';
import { IndicatorTargetResponse } from './indicator-target.mapper';

@ApiTags('indicateurs personnalisés')
@ApiBearerAuth()
@Controller('indicator-targets')
export class IndicatorTargetsController {
  constructor(private readonly targets: IndicatorTargetsService) {}

  @Get()
  @ApiOperation({ summary: 'Cibles et seuils d’alerte par indicateur, unité et année (filtres : id, indicator, orgUnit, year)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<IndicatorTargetResponse[]> {
    const query = parseListQuery(raw, { sortable: INDICATOR_TARGET_SORTS, defaultSort: { field: 'year', order: 'DESC' } });
    const page = await this.targets.list(user, query);
    setContentRange(res, 'indicator-targets', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<IndicatorTargetResponse> {
    return this.targets.get(user, id);
  }

  @Post()
  @Roles('admin', 'finance', 'director')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateIndicatorTargetDto): Promise<IndicatorTargetResponse> {
    return this.targets.create(user, dto);
  }

  @Put(':id')
  @Roles('admin', 'finance', 'director')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateIndicatorTargetDto): Promise<IndicatorTargetResponse> {
    return this.targets.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('admin', 'finance', 'director')
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<IndicatorTargetResponse> {
    return this.targets.remove(user, id);
  }
}
