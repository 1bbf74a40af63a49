import { Module } from '@nestjs/common';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { IndicatorReadRepository } from './indicator-read.repository';
import { IndicatorInputsRepository } from './indicator-inputs.repository';
import { RecomputeService } from './recompute.service';
import { ReadModelCache } from './read-model-cache';
import { FundingModule } from '../funding/funding.module';
import { ScopePeriodsService } from './scope-periods.service';

/** The indicator read model: reads (API) and recompute (used by the worker's processor and the CLI). */
@Module({
  imports: [FundingModule],
  controllers: [IndicatorsController],
  providers: [ReadModelCache, IndicatorsService, IndicatorReadRepository, IndicatorInputsRepository, RecomputeService, ScopePeriodsService],
  exports: [IndicatorsService, ScopePeriodsService, RecomputeService, IndicatorInputsRepository, ReadModelCache],
})
export class IndicatorsModule {}
