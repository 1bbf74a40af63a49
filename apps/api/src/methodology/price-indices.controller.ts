import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { PRICE_INDEX_SORTS, PriceIndicesService } from './price-indices.service';
import { PriceIndexResponse } from './price-index.mapper';
import { CreatePriceIndexDto, UpdatePriceIndexDto } from './dto/price-index.dto';

@ApiTags('méthodologie')
@ApiBearerAuth()
@Controller('price-indices')
export class PriceIndicesController {
  constructor(private readonly priceIndices: PriceIndicesService) {}

  @Get()
  @ApiOperation({ summary: 'Indices des prix annuels, euros constants (filtres : id, series, year)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<PriceIndexResponse[]> {
    const query = parseListQuery(raw, { sortable: PRICE_INDEX_SORTS, defaultSort: { field: 'year', order: 'ASC' } });
    const page = await this.priceIndices.list(user, query);
    setContentRange(res, 'price-indices', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<PriceIndexResponse> {
    return this.priceIndices.get(user, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Ajoute un indice annuel (recalcul complet programmé)' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreatePriceIndexDto): Promise<PriceIndexResponse> {
    return this.priceIndices.create(user, dto);
  }

  @Put(':id')
  @Roles('admin')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdatePriceIndexDto): Promise<PriceIndexResponse> {
    return this.priceIndices.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<PriceIndexResponse> {
    return this.priceIndices.remove(user, id);
  }
}
