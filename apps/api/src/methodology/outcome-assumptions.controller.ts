import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { OUTCOME_ASSUMPTION_SORTS, OutcomeAssumptionsService } from './outcome-assumptions.service';
import { OutcomeAssumptionResponse } from './outcome-assumption.mapper';
import { CreateOutcomeAssumptionDto, UpdateOutcomeAssumptionDto } from './dto/outcome-assumption.dto';

@ApiTags('méthodologie')
@ApiBearerAuth()
@Controller('outcome-assumptions')
export class OutcomeAssumptionsController {
  constructor(private readonly assumptions: OutcomeAssumptionsService) {}

  @Get()
  @ApiOperation({ summary: 'Hypothèses de résultat par service, avec justification (filtres : id, service, code)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<OutcomeAssumptionResponse[]> {
    const query = parseListQuery(raw, { sortable: OUTCOME_ASSUMPTION_SORTS, defaultSort: { field: 'code', order: 'ASC' } });
    const page = await this.assumptions.list(user, query);
    setContentRange(res, 'outcome-assumptions', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<OutcomeAssumptionResponse> {
    return this.assumptions.get(user, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Ajoute une hypothèse (paramètres validés par le moteur, erreurs { path, message } ; recalcul complet programmé)' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOutcomeAssumptionDto): Promise<OutcomeAssumptionResponse> {
    return this.assumptions.create(user, dto);
  }

  @Put(':id')
  @Roles('admin')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateOutcomeAssumptionDto): Promise<OutcomeAssumptionResponse> {
    return this.assumptions.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<OutcomeAssumptionResponse> {
    return this.assumptions.remove(user, id);
  }
}
