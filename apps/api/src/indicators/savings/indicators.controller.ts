import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../tenancy/current-user.decorator';
import type { AuthUser } from '../../tenancy/auth-user';
import { IndicatorExplainQuery, IndicatorScopeQuery, IndicatorSeriesQuery } from './indicator-query.dto';
import { IndicatorsService } from './indicators.service';
import { ScopePeriodsAnswer, ScopePeriodsService } from './scope-periods.service';
import { ScopeRangeQuery } from '../../platform/http/scope-range.query';
import type { Explanation, IndicatorSeries, IndicatorSummary, PayerSeries } from '@levier/contracts';
import { withIsoDates } from '../../platform/http/iso-dates.mapper';
import type { ScenarioDocument } from './scenario-document';

@ApiTags('indicateurs')
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly periods: ScopePeriodsService,
  ) {}

  @Get('summary')
  @ApiOperation({
    summary:
      'Coûts évités (bruts), coût des services, épargne médico-sociale nette, coûts évités pour 1 € investi… du périmètre (méthode 2 : finances publiques, qui paie / qui économise, événements par type, sensibilité), avec fourchettes basse et haute',
  })
  summary(@CurrentUser() user: AuthUser, @Query() query: IndicatorScopeQuery): Promise<IndicatorSummary> {
    return this.indicators.summary(user, query).then(withIsoDates);
  }

  @Get('periods')
  @ApiOperation({
    summary:
      'Mois du périmètre : données présentes, complètes (chaque service attendu a répondu), approuvés ; et la période affichée par défaut (dernière année complète ou approuvée)',
  })
  scopePeriods(@CurrentUser() user: AuthUser, @Query() query: ScopeRangeQuery): Promise<ScopePeriodsAnswer> {
    return this.periods.overview(user, query.orgUnit);
  }

  @Get('series')
  @ApiOperation({ summary: 'Séries pour les graphiques : par période, par service ou par payeur' })
  series(@CurrentUser() user: AuthUser, @Query() query: IndicatorSeriesQuery): Promise<IndicatorSeries | PayerSeries> {
    return this.indicators.series(user, query);
  }

  @Get('explain')
  @ApiOperation({ summary: '« Comment est-ce calculé ? » : formule, données, hypothèses, coûts unitaires et sources, méthodologie' })
  explain(@CurrentUser() user: AuthUser, @Query() query: IndicatorExplainQuery): Promise<Explanation> {
    return this.indicators.explain(user, query).then(withIsoDates);
  }

  @Get('scenario')
  @Header('Content-Disposition', 'attachment; filename="levier-scenario.json"')
  @ApiOperation({ summary: 'Télécharger ce calcul (levier-scenario/1), à rejouer avec « levier compute »' })
  scenario(@CurrentUser() user: AuthUser, @Query() query: IndicatorScopeQuery): Promise<ScenarioDocument> {
    return this.indicators.scenario(user, query);
  }
}
