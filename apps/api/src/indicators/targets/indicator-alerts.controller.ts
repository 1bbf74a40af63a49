import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { AlertsQuery } from './indicator-target.dto';
import { IndicatorAlertsService } from './indicator-alerts.service';
import type { IndicatorAlerts } from '@levier/contracts';

/** The targets' alerts, next to the system indicators' reads (same `/api/indicators` prefix, distinct paths). */
@ApiTags('indicateurs')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorAlertsController {
  constructor(private readonly alertsService: IndicatorAlertsService) {}

  @Get('alerts')
  @ApiOperation({ summary: 'Cibles de l’année et seuils franchis (indicateurs système et personnalisés)' })
  alerts(@CurrentUser() user: AuthUser, @Query() query: AlertsQuery): Promise<IndicatorAlerts> {
    return this.alertsService.alerts(user, query);
  }
}
