import { Module } from '@nestjs/common';
import { IndicatorsModule } from './indicators.module';
import { IndicatorsProcessor } from './indicators.processor';
import { MethodologyModule } from '../methodology/methodology.module';
import { ReallocationModule } from '../reallocation/reallocation.module';
import { RecomputeBootstrap } from './recompute-bootstrap';

/** Registered only in the worker: the `indicators` queue's processor. */
@Module({ imports: [IndicatorsModule, MethodologyModule, ReallocationModule], providers: [IndicatorsProcessor, RecomputeBootstrap] })
export class IndicatorsWorkerModule {}
