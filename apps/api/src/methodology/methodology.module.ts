import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { MethodCheck } from './method-check';
import { MethodologyWriter } from './methodology.writer';
import { UnitCostsController } from './unit-costs.controller';
import { UnitCostsService } from './unit-costs.service';
import { PriceIndicesController } from './price-indices.controller';
import { PriceIndicesService } from './price-indices.service';
import { OutcomeAssumptionsController } from './outcome-assumptions.controller';
import { OutcomeAssumptionsService } from './outcome-assumptions.service';
import { MethodologyVersionsController } from './methodology-versions.controller';
import { MethodologyVersionsService } from './methodology-versions.service';
import { CustomIndicatorsController } from '../indicators/custom/custom-indicators.controller';
import { CustomIndicatorsService } from '../indicators/custom/custom-indicators.service';
import { CustomIndicatorRepository } from '../indicators/custom/custom-indicator.repository';
import { CustomIndicatorRecomputeService } from '../indicators/custom/custom-indicator-recompute.service';
import { CustomIndicatorValuesController } from '../indicators/custom/custom-indicator-values.controller';
import { CustomIndicatorValuesService } from '../indicators/custom/custom-indicator-values.service';
import { IndicatorTargetsController } from '../indicators/targets/indicator-targets.controller';
import { IndicatorTargetsService } from '../indicators/targets/indicator-targets.service';
import { IndicatorAlertsService } from '../indicators/targets/indicator-alerts.service';

/**
 * The method (docs/product-rules.md#domain-model, docs/methodology.md#the-savings-and-reallocation-methodology): unit costs, price indices, outcome assumptions, methodology versions; and custom
 * indicators with targets and alerts (§6). Exports the custom indicators' recompute for the `indicators` processor.
 */
@Module({
  imports: [AuditModule, IndicatorsModule],
  controllers: [
    UnitCostsController,
    PriceIndicesController,
    OutcomeAssumptionsController,
    MethodologyVersionsController,
    CustomIndicatorsController,
    IndicatorTargetsController,
    CustomIndicatorValuesController,
  ],
  providers: [
    MethodCheck,
    MethodologyWriter,
    UnitCostsService,
    PriceIndicesService,
    OutcomeAssumptionsService,
    MethodologyVersionsService,
    CustomIndicatorRepository,
    CustomIndicatorsService,
    CustomIndicatorRecomputeService,
    CustomIndicatorValuesService,
    IndicatorTargetsService,
    IndicatorAlertsService,
  ],
  exports: [CustomIndicatorRecomputeService],
})
export class MethodologyModule {}
