import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { uuidParam } from '../platform/http/uuid-param.pipe';
import { CatalogueService } from './catalogue.service';
import { MetricResponse, OrgUnitResponse, ServiceResponse, toMetricResponse, toOrgUnitResponse, toServiceResponse } from './catalogue.mapper';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('org-units')
  @ApiOperation({
    summary: 'Unités visibles (arbre : parentId, leaf) : vos unités (inScope) et leurs unités parentes (inScope false)',
  })
  async orgUnits(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<OrgUnitResponse[]> {
    const query = parseListQuery(raw, { sortable: ['code', 'name'], defaultSort: { field: 'code', order: 'ASC' } });
    const page = await this.catalogue.orgUnits(user, query);
    setContentRange(res, 'org-units', query.offset, page.items.length, page.total);
    return page.items.map(toOrgUnitResponse);
  }

  @Get('org-units/:id')
  async orgUnit(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<OrgUnitResponse> {
    return toOrgUnitResponse(await this.catalogue.orgUnit(user, id));
  }

  @Get('services')
  @ApiOperation({ summary: 'Services de l’organisation, avec celles des unités qui les assurent que vous voyez' })
  async services(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<ServiceResponse[]> {
    const query = parseListQuery(raw, { sortable: ['code', 'label', 'functionCode', 'kind'], defaultSort: { field: 'code', order: 'ASC' } });
    const page = await this.catalogue.services(user, query);
    setContentRange(res, 'services', query.offset, page.items.length, page.total);
    return page.items.map(toServiceResponse);
  }

  @Get('services/:id')
  async service(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ServiceResponse> {
    return toServiceResponse(await this.catalogue.service(user, id));
  }

  @Get('metrics')
  @ApiOperation({ summary: 'Indicateurs saisis (dépenses, bénéficiaires, mois-personnes, résultats observés…)' })
  async metrics(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<MetricResponse[]> {
    const query = parseListQuery(raw, { sortable: ['code', 'label', 'unit'], defaultSort: { field: 'code', order: 'ASC' } });
    const page = await this.catalogue.metrics(user.organisationId, query);
    setContentRange(res, 'metrics', query.offset, page.items.length, page.total);
    return page.items.map(toMetricResponse);
  }

  @Get('metrics/:id')
  async metric(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<MetricResponse> {
    return toMetricResponse(await this.catalogue.metric(user.organisationId, id));
  }
}
