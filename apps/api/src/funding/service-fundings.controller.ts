import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { SERVICE_FUNDING_SORTS } from './service-funding.repository';
import { ServiceFundingsService } from './service-fundings.service';
import { ServiceFundingResponse } from './service-funding.mapper';
import { CreateServiceFundingDto, UpdateServiceFundingDto } from './dto/service-funding.dto';

@ApiTags('financement')
@ApiBearerAuth()
@Controller('service-fundings')
export class ServiceFundingsController {
  constructor(private readonly fundings: ServiceFundingsService) {}

  @Get()
  @ApiOperation({ summary: 'Plans de financement : qui paie la dépense de chaque service, par année (filtres : id, service, year)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<ServiceFundingResponse[]> {
    const query = parseListQuery(raw, { sortable: SERVICE_FUNDING_SORTS, defaultSort: { field: 'year', order: 'DESC' } });
    const page = await this.fundings.list(user, query);
    setContentRange(res, 'service-fundings', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ServiceFundingResponse> {
    return this.fundings.get(user, id);
  }

  @Post()
  @Roles('admin', 'finance')
  @ApiOperation({ summary: 'Enregistre le plan de financement d’un service pour une année ; les parts des payeurs totalisent 1' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateServiceFundingDto): Promise<ServiceFundingResponse> {
    return this.fundings.create(user, dto);
  }

  @Put(':id')
  @Roles('admin', 'finance')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateServiceFundingDto): Promise<ServiceFundingResponse> {
    return this.fundings.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('admin', 'finance')
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ServiceFundingResponse> {
    return this.fundings.remove(user, id);
  }
}
