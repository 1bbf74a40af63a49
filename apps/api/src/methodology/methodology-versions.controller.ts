import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../tenancy/current-user.decorator';
import { Roles } from '../tenancy/roles.decorator';
import type { AuthUser } from '../tenancy/auth-user';
import { parseListQuery, RawListQuery, setContentRange } from '../platform/http/list-query';
import { METHODOLOGY_VERSION_SORTS, MethodologyVersionsService } from './methodology-versions.service';
import { MethodologyVersionResponse } from './methodology-version.mapper';
import { PublishMethodologyVersionDto } from './dto/publish-methodology-version.dto';

@ApiTags('méthodologie')
@ApiBearerAuth()
@Controller('methodology-versions')
export class MethodologyVersionsController {
  constructor(private readonly versions: MethodologyVersionsService) {}

  @Get()
  @ApiOperation({ summary: 'Versions de méthodologie publiées (la plus récente est la méthode en vigueur)' })
  async list(@CurrentUser() user: AuthUser, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<MethodologyVersionResponse[]> {
    const query = parseListQuery(raw, { sortable: METHODOLOGY_VERSION_SORTS, defaultSort: { field: 'version', order: 'DESC' } });
    const page = await this.versions.list(user, query);
    setContentRange(res, 'methodology-versions', query.offset, page.rows.length, page.total);
    return page.rows;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<MethodologyVersionResponse> {
    return this.versions.get(user, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Publie une nouvelle version : paramètres validés par le moteur, instantané des coûts, indices et hypothèses ; recalcul complet programmé',
  })
  publish(@CurrentUser() user: AuthUser, @Body() dto: PublishMethodologyVersionDto): Promise<MethodologyVersionResponse> {
    return this.versions.publish(user, dto);
  }
}
