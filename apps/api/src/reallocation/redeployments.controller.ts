import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { RedeploymentsService } from './reallocation-records.service';
import { RedeploymentResponse } from './reallocation.mapper';
import { CreateRedeploymentDto, UpdateRedeploymentDto } from './dto/reallocation.dto';

export const REDEPLOYMENT_SORTS = ['startDate', 'requestDate', 'agentRef', 'workingDays'] as const;

@ApiTags('réallocation')
@ApiBearerAuth()
@Controller('redeployments')
export class RedeploymentsController {
  constructor(private readonly records: RedeploymentsService) {}

  @Get()
  @ApiOperation({ summary: 'Redéploiements d’agents (pseudonymes, jamais de noms) (filtres : id, agentRef, need)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<RedeploymentResponse[]> {
    const query = parseListQuery(raw, { sortable: REDEPLOYMENT_SORTS, defaultSort: { field: 'startDate', order: 'DESC' } });
    const page = await this.records.list(user, query);
    setContentRange(res, 'redeployments', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<RedeploymentResponse> {
    return this.records.get(user, id);
  }

  @Post()
  @Roles('director', 'admin')
  @ApiOperation({ summary: 'Enregistre un redéploiement : agentRef est un pseudonyme (AG-0012), jamais un nom ni un e-mail' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateRedeploymentDto): Promise<RedeploymentResponse> {
    return this.records.create(user, dto);
  }

  @Put(':id')
  @Roles('director', 'admin')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateRedeploymentDto): Promise<RedeploymentResponse> {
    return this.records.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('director', 'admin')
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<RedeploymentResponse> {
    return this.records.remove(user, id);
  }
}
