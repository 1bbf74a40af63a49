import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import type { AuthUser } from '../tenancy/auth-user';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import { DELIVERY_SORTABLE } from './report-delivery.repository';
import { ReportDeliveryResponse, toReportDeliveryResponse } from './report-delivery.mapper';
import { ReportDeliveriesService } from './report-deliveries.service';

@ApiTags('rapports')
@ApiBearerAuth()
@Controller('report-deliveries')
export class ReportDeliveriesController {
  constructor(private readonly deliveries: ReportDeliveriesService) {}

  @Get()
  @Roles('admin', 'director', 'finance')
  @ApiOperation({ summary: 'Journal des envois de rapports (filtres : subscriptionId, status, period, recipient)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<ReportDeliveryResponse[]> {
    const query = parseListQuery(raw, { sortable: DELIVERY_SORTABLE, defaultSort: { field: 'createdAt', order: 'DESC' } });
    const page = await this.deliveries.list(user, query);
    setContentRange(res, 'report-deliveries', query.offset, page.rows.length, page.total);
    return page.rows.map(toReportDeliveryResponse);
  }
}
