import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { BUDGET_YEAR_SORTS, BudgetYearsService } from './budget-years.service';
import { BudgetYearResponse } from './budget-year.mapper';
import { CreateBudgetYearDto, UpdateBudgetYearDto } from './dto/budget-year.dto';

@ApiTags('réallocation')
@ApiBearerAuth()
@Controller('budget-years')
export class BudgetYearsController {
  constructor(private readonly budgets: BudgetYearsService) {}

  @Get()
  @ApiOperation({ summary: 'Budgets votés : dépenses réelles de fonctionnement par année, base du taux de fongibilité (filtres : id, year, section)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<BudgetYearResponse[]> {
    const query = parseListQuery(raw, { sortable: BUDGET_YEAR_SORTS, defaultSort: { field: 'year', order: 'DESC' } });
    const page = await this.budgets.list(user, query);
    setContentRange(res, 'budget-years', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<BudgetYearResponse> {
    return this.budgets.get(user, id);
  }

  @Post()
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Enregistre les dépenses réelles de fonctionnement d’une année ; le taux de fongibilité de cette année les prend pour base' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateBudgetYearDto): Promise<BudgetYearResponse> {
    return this.budgets.create(user, dto);
  }

  @Put(':id')
  @Roles('finance', 'admin')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateBudgetYearDto): Promise<BudgetYearResponse> {
    return this.budgets.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('finance', 'admin')
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<BudgetYearResponse> {
    return this.budgets.remove(user, id);
  }
}
