import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { StaffNeedsService } from './reallocation-records.service';
import { StaffNeedResponse } from './reallocation.mapper';
import { CreateStaffNeedDto, UpdateStaffNeedDto } from './dto/reallocation.dto';

export const STAFF_NEED_SORTS = ['requestDate', 'code', 'fteDaysRequested', 'critical'] as const;

@ApiTags('réallocation')
@ApiBearerAuth()
@Controller('staff-needs')
export class StaffNeedsController {
  constructor(private readonly records: StaffNeedsService) {}

  @Get()
  @ApiOperation({ summary: 'Besoins en personnel exprimés par les services (filtres : id, code, critical)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<StaffNeedResponse[]> {
    const query = parseListQuery(raw, { sortable: STAFF_NEED_SORTS, defaultSort: { field: 'requestDate', order: 'DESC' } });
    const page = await this.records.list(user, query);
    setContentRange(res, 'staff-needs', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<StaffNeedResponse> {
    return this.records.get(user, id);
  }

  @Post()
  @Roles('director', 'admin')
  @ApiOperation({ summary: 'Exprime un besoin (recalcul de la réallocation programmé)' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateStaffNeedDto): Promise<StaffNeedResponse> {
    return this.records.create(user, dto);
  }

  @Put(':id')
  @Roles('director', 'admin')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateStaffNeedDto): Promise<StaffNeedResponse> {
    return this.records.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('director', 'admin')
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<StaffNeedResponse> {
    return this.records.remove(user, id);
  }
}
