import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { BudgetTransfersService } from './reallocation-records.service';
import { BudgetTransferResponse } from './reallocation.mapper';
import { CreateBudgetTransferDto, UpdateBudgetTransferDto } from './dto/reallocation.dto';

export const BUDGET_TRANSFER_SORTS = ['decisionDate', 'code', 'amount', 'instrument'] as const;

@ApiTags('réallocation')
@ApiBearerAuth()
@Controller('budget-transfers')
export class BudgetTransfersController {
  constructor(private readonly records: BudgetTransfersService) {}

  @Get()
  @ApiOperation({ summary: 'Virements de crédits et fongibilité (M57) (filtres : id, code, instrument)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<BudgetTransferResponse[]> {
    const query = parseListQuery(raw, { sortable: BUDGET_TRANSFER_SORTS, defaultSort: { field: 'decisionDate', order: 'DESC' } });
    const page = await this.records.list(user, query);
    setContentRange(res, 'budget-transfers', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<BudgetTransferResponse> {
    return this.records.get(user, id);
  }

  @Post()
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Enregistre un virement ; une fongibilité touchant le chapitre 012 est signalée par les indicateurs' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateBudgetTransferDto): Promise<BudgetTransferResponse> {
    return this.records.create(user, dto);
  }

  @Put(':id')
  @Roles('finance', 'admin')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateBudgetTransferDto): Promise<BudgetTransferResponse> {
    return this.records.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('finance', 'admin')
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<BudgetTransferResponse> {
    return this.records.remove(user, id);
  }
}
