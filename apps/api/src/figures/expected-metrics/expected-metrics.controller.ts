import { Body, Controller, Delete, Get, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import { Roles } from '../../tenancy/roles.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { setContentRange } from '../../platform/http/list-query';
import { ExpectedMetricsService, ServiceExpectedMetrics } from './expected-metrics.service';

export class ConfigureExpectedMetricsDto {
  @IsArray({ message: 'metrics doit être la liste des codes d’indicateurs attendus, par exemple ["spend","beneficiaries"].' })
  @ArrayMinSize(1, { message: 'metrics : choisissez au moins un indicateur attendu pour ce service.' })
  @ArrayMaxSize(100, { message: 'metrics compte au plus 100 indicateurs.' })
  @IsString({ each: true, message: 'metrics : chaque indicateur est un code (texte), par exemple « beneficiaries ».' })
  @MaxLength(64, { each: true, message: 'metrics : un code d’indicateur compte au plus 64 caractères.' })
  metrics: string[];
}

export interface ExpectedMetricsResponse {
  /** The service code (react-admin's record id). */
  id: string;
  service: string;
  serviceLabel: string;
  granularity: string;
  slots: string[];
  metrics: string[];
  configured: boolean;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string | null;
}

const toResponse = (e: ServiceExpectedMetrics): ExpectedMetricsResponse => ({
  id: e.service,
  service: e.service,
  serviceLabel: e.serviceLabel,
  granularity: e.granularity,
  slots: e.slots,
  metrics: e.metrics,
  configured: e.configured,
  updatedBy: e.updatedBy,
  updatedByName: e.updatedByName,
  updatedAt: e.updatedAt === null ? null : new Date(e.updatedAt).toISOString(),
});

/** Service → expected metrics: what the grid offers and completeness counts; admins edit it. */
@ApiTags('saisie')
@ApiBearerAuth()
@Controller('expected-metrics')
export class ExpectedMetricsController {
  constructor(private readonly expected: ExpectedMetricsService) {}

  @Get()
  @ApiOperation({ summary: 'Indicateurs attendus de chaque service (configurés ou par défaut)' })
  async list(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<ExpectedMetricsResponse[]> {
    const rows = (await this.expected.list(user.organisationId)).map(toResponse);
    setContentRange(res, 'expected-metrics', 0, rows.length, rows.length);
    return rows;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Indicateurs attendus d’un service' })
  async one(@CurrentUser() user: AuthUser, @Param('id') service: string): Promise<ExpectedMetricsResponse> {
    return toResponse(await this.expected.one(user.organisationId, service));
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Remplace les indicateurs attendus d’un service (gardé au journal d’audit)' })
  async configure(@CurrentUser() user: AuthUser, @Param('id') service: string, @Body() dto: ConfigureExpectedMetricsDto): Promise<ExpectedMetricsResponse> {
    return toResponse(await this.expected.configure(user, service, dto.metrics));
  }

  @Delete(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Revient aux indicateurs attendus par défaut (dépenses, une mesure d’activité, résultats constatés)' })
  async reset(@CurrentUser() user: AuthUser, @Param('id') service: string): Promise<ExpectedMetricsResponse> {
    return toResponse(await this.expected.reset(user, service));
  }
}
