import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { CustomIndicatorQuery } from './custom-indicator.dto';
import { AlertsQuery } from '../targets/indicator-target.dto';
import { CustomIndicatorValuesResponse, CustomIndicatorValuesService } from './custom-indicator-values.service';
import { IndicatorAlertsService } from '../targets/indicator-alerts.service';
import type { IndicatorAlerts } from '@levier/contracts';
import { withIsoDates } from '../../platform/http/iso-dates.mapper';

/** Reads next to the system indicators' (same `/api/indicators` prefix, distinct paths). */
@ApiTags('indicateurs')
@ApiBearerAuth()
@Controller('indicators')
export class CustomIndicatorValuesController {
  constructor(
    private readonly values: CustomIndicatorValuesService,
    private readonly alertsService: IndicatorAlertsService,
  ) {}

  @Get('custom')
  @ApiOperation({ summary: 'Valeurs des indicateurs personnalisés du périmètre : Σ numérateur / Σ dénominateur × facteur, total et série' })
  custom(@CurrentUser() user: AuthUser, @Query() query: CustomIndicatorQuery): Promise<CustomIndicatorValuesResponse> {
    return this.values.values(user, query).then(withIsoDates);
  }

  @Get('alerts')
  @ApiOperation({ summary: 'Cibles de l’année et seuils franchis (indicateurs système et personnalisés)' })
  alerts(@CurrentUser() user: AuthUser, @Query() query: AlertsQuery): Promise<IndicatorAlerts> {
    return this.alertsService.alerts(user, query);
  }
}
