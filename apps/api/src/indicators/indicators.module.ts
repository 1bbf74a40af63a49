import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { FundingModule } from '../funding/funding.module';
import { MethodologyModule } from '../methodology/methodology.module';
import { ReallocationModule } from '../reallocation/reallocation.module';
import { IndicatorsController } from './savings/indicators.controller';
import { IndicatorsService } from './savings/indicators.service';
import { IndicatorReadRepository } from './savings/indicator-read.repository';
import { IndicatorInputsRepository } from './savings/indicator-inputs.repository';
import { RecomputeService } from './savings/recompute.service';
import { RecomputeRepository } from './savings/recompute.repository';
import { ReadModelCache } from './savings/read-model-cache';
import { ScopePeriodsService } from './savings/scope-periods.service';
import { ScopePeriodsRepository } from './savings/scope-periods.repository';
import { CustomIndicatorsController } from './custom/custom-indicators.controller';
import { CustomIndicatorsService } from './custom/custom-indicators.service';
import { CustomIndicatorRepository } from './custom/custom-indicator.repository';
import { IndicatorTargetRepository } from './targets/indicator-target.repository';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CustomIndicatorRecomputeService } from './custom/custom-indicator-recompute.service';
import { CustomIndicatorValuesController } from './custom/custom-indicator-values.controller';
import { CustomIndicatorValuesService } from './custom/custom-indicator-values.service';
import { IndicatorTargetsController } from './targets/indicator-targets.controller';
import { IndicatorTargetsService } from './targets/indicator-targets.service';
import { IndicatorAlertsService } from './targets/indicator-alerts.service';
import { IndicatorAlertsController } from './targets/indicator-alerts.controller';
import { ReallocationController } from './reallocation/reallocation.controller';
import { ReallocationReadService } from './reallocation/reallocation-read.service';
import { ReallocationRecomputeService } from './reallocation/reallocation-recompute.service';
import { ReallocationValuesRepository } from './reallocation/reallocation-values.repository';

/**
 * The read model, under one roof: everything that writes or reads computed values. savings/ (the savings indicators,
 * `/api/indicators/{summary,series,explain,scenario,export,periods}`), custom/ (custom indicators: definitions at
 * `/api/custom-indicators`, values at `/api/indicators/custom`), targets/ (targets at `/api/indicator-targets`, alerts at
 * `/api/indicators/alerts`), reallocation/ (`/api/indicators/reallocation`, computed from reallocation/'s records). The
 * recomputes are exported for the worker's `indicators` processor (indicators-worker.module.ts) and the CLI. The method
 * is read through methodology/'s MethodologyInputs; the reallocation records through reallocation/'s repository.
 */
@Module({
  imports: [AuditModule, CatalogueModule, FundingModule, MethodologyModule, ReallocationModule],
  controllers: [
    IndicatorsController,
    CustomIndicatorsController,
    CustomIndicatorValuesController,
    IndicatorTargetsController,
    IndicatorAlertsController,
    ReallocationController,
  ],
  providers: [
    ReadModelCache,
    IndicatorsService,
    IndicatorReadRepository,
    IndicatorInputsRepository,
    RecomputeService,
    RecomputeRepository,
    ScopePeriodsService,
    ScopePeriodsRepository,
    CustomIndicatorRepository,
    CustomIndicatorsService,
    CustomIndicatorRecomputeService,
    CustomIndicatorValuesService,
    IndicatorTargetsService,
    IndicatorTargetRepository,
    IndicatorAlertsService,
    ReallocationReadService,
    ReallocationRecomputeService,
    ReallocationValuesRepository,
  ],
  exports: [
    IndicatorsService,
    ScopePeriodsService,
    RecomputeService,
    IndicatorInputsRepository,
    ReadModelCache,
    CustomIndicatorRecomputeService,
    ReallocationRecomputeService,
  ],
})
export class IndicatorsModule {}
