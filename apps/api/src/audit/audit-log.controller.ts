import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { AuditLogService } from './audit-log.service';
import { AuditLogResponse, toAuditLogResponse } from './audit-log.mapper';

@ApiTags('journal')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Journal d’audit de l’organisation (filtres : entity, entityId, action, actorId, submissionId, from, to, orgUnit avec ses sous-unités, period)',
  })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<AuditLogResponse[]> {
    const query = parseListQuery(raw, { sortable: ['at', 'action', 'entity'] as const, defaultSort: { field: 'at', order: 'DESC' } });
    const page = await this.auditLog.list(user.organisationId, query);
    setContentRange(res, 'audit-log', query.offset, page.rows.length, page.total);
    return page.rows.map(toAuditLogResponse);
  }
}
