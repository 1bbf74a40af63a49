import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { InKindLoansService } from './reallocation-records.service';
import { InKindLoanResponse } from './reallocation.mapper';
import { CreateInKindLoanDto, UpdateInKindLoanDto } from './dto/reallocation.dto';

export const IN_KIND_LOAN_SORTS = ['startDate', 'code', 'dailyValue'] as const;

@ApiTags('réallocation')
@ApiBearerAuth()
@Controller('in-kind-loans')
export class InKindLoansController {
  constructor(private readonly records: InKindLoansService) {}

  @Get()
  @ApiOperation({ summary: 'Mécénat public en nature : salles, véhicules, matériel prêtés (filtres : id, code)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<InKindLoanResponse[]> {
    const query = parseListQuery(raw, { sortable: IN_KIND_LOAN_SORTS, defaultSort: { field: 'startDate', order: 'DESC' } });
    const page = await this.records.list(user, query);
    setContentRange(res, 'in-kind-loans', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<InKindLoanResponse> {
    return this.records.get(user, id);
  }

  @Post()
  @Roles('director', 'admin')
  @ApiOperation({ summary: 'Enregistre un prêt en nature' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateInKindLoanDto): Promise<InKindLoanResponse> {
    return this.records.create(user, dto);
  }

  @Put(':id')
  @Roles('director', 'admin')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateInKindLoanDto): Promise<InKindLoanResponse> {
    return this.records.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('director', 'admin')
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<InKindLoanResponse> {
    return this.records.remove(user, id);
  }
}
