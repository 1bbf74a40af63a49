import { Module } from '@nestjs/common';
import { IndicatorsController } from './savings/indicators.controller';
import { IndicatorsService } from './savings/indicators.service';
import { IndicatorReadRepository } from './savings/indicator-read.repository';
import { IndicatorInputsRepository } from './savings/indicator-inputs.repository';
import { RecomputeService } from './savings/recompute.service';
import { ReadModelCache } from './savings/read-model-cache';
import { FundingModule } from '../funding/funding.module';
import { ScopePeriodsService } from './savings/scope-periods.service';

/** The indicator read model: reads (API) and recompute (used by the worker's processor and the CLI). */
@Module({
  imports: [FundingModule],
  controllers: [IndicatorsController],
  providers: [ReadModelCache, IndicatorsService, IndicatorReadRepository, IndicatorInputsRepository, RecomputeService, ScopePeriodsService],
  exports: [IndicatorsService, ScopePeriodsService, RecomputeService, IndicatorInputsRepository, ReadModelCache],
})
export class IndicatorsModule {}
