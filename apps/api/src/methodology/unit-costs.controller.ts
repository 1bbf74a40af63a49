import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { UNIT_COST_SORTS, UnitCostsService } from './unit-costs.service';
import { UnitCostResponse } from './unit-cost.mapper';
import { CreateUnitCostDto, UpdateUnitCostDto } from './dto/unit-cost.dto';

@ApiTags('méthodologie')
@ApiBearerAuth()
@Controller('unit-costs')
export class UnitCostsController {
  constructor(private readonly unitCosts: UnitCostsService) {}

  @Get()
  @ApiOperation({ summary: 'Bibliothèque des coûts unitaires, avec leurs sources (filtres : id, code)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<UnitCostResponse[]> {
    const query = parseListQuery(raw, { sortable: UNIT_COST_SORTS, defaultSort: { field: 'code', order: 'ASC' } });
    const page = await this.unitCosts.list(user, query);
    setContentRange(res, 'unit-costs', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<UnitCostResponse> {
    return this.unitCosts.get(user, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Ajoute un coût unitaire (validé par le moteur ; recalcul complet programmé)' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUnitCostDto): Promise<UnitCostResponse> {
    return this.unitCosts.create(user, dto);
  }

  @Put(':id')
  @Roles('admin')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateUnitCostDto): Promise<UnitCostResponse> {
    return this.unitCosts.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<UnitCostResponse> {
    return this.unitCosts.remove(user, id);
  }
}
