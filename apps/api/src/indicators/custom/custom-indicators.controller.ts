import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import { Roles } from '../../tenancy/roles.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../../platform/http/list-query';
import { CreateCustomIndicatorDto, PreviewCustomIndicatorDto, UpdateCustomIndicatorDto } from './custom-indicator.dto';
import { CUSTOM_INDICATOR_SORTS, CustomIndicatorsService, PreviewResponse } from './custom-indicators.service';
import { CustomIndicatorResponse } from './custom-indicator.mapper';

@ApiTags('indicateurs personnalisés')
@ApiBearerAuth()
@Controller('custom-indicators')
export class CustomIndicatorsController {
  constructor(private readonly custom: CustomIndicatorsService) {}

  @Get()
  @ApiOperation({ summary: 'Indicateurs personnalisés : numérateur / dénominateur × facteur (filtres : id, code)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<CustomIndicatorResponse[]> {
    const query = parseListQuery(raw, { sortable: CUSTOM_INDICATOR_SORTS, defaultSort: { field: 'code', order: 'ASC' } });
    const page = await this.custom.list(user, query);
    setContentRange(res, 'custom-indicators', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  /**
   * Only the roles that write formulas (admin, finance: the same as create and update) may evaluate one: a formula is
   * evaluated cell by cell, so a free formula picks out single cells (`if(#{beneficiaries} < 5, …)`).
   */
  @Post('preview')
  @HttpCode(200)
  @Roles('admin', 'finance')
  @ApiOperation({ summary: 'Évalue une formule sur les chiffres réels du périmètre, sans l’enregistrer (admin, finance)' })
  preview(@CurrentUser() user: AuthUser, @Body() dto: PreviewCustomIndicatorDto): Promise<PreviewResponse> {
    return this.custom.preview(user, dto);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CustomIndicatorResponse> {
    return this.custom.get(user, id);
  }

  @Post()
  @Roles('admin', 'finance')
  @ApiOperation({ summary: 'Crée un indicateur ; une formule invalide répond 400 avec errors [{ field, position, message }]' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCustomIndicatorDto): Promise<CustomIndicatorResponse> {
    return this.custom.create(user, dto);
  }

  @Put(':id')
  @Roles('admin', 'finance')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateCustomIndicatorDto): Promise<CustomIndicatorResponse> {
    return this.custom.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('admin', 'finance')
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CustomIndicatorResponse> {
    return this.custom.remove(user, id);
  }
}
