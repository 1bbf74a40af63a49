import { Module } from '@nestjs/common';
import { IndicatorsModule } from './indicators.module';
import { IndicatorsProcessor } from './indicators.processor';
import { RecomputeBootstrap } from './recompute-bootstrap';

/** Registered only in the worker: the `indicators` queue's processor (savings, custom indicators, reallocation recomputes). */
@Module({ imports: [IndicatorsModule], providers: [IndicatorsProcessor, RecomputeBootstrap] })
export class IndicatorsWorkerModule {}
