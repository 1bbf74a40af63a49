import { Module } from '@nestjs/common';
import { IndicatorsModule } from './indicators.module';
import { IndicatorsProcessor } from './indicators.processor';

/** Registered only in the worker: the `indicators` queue's processor. */
@Module({ imports: [IndicatorsModule], providers: [IndicatorsProcessor] })
export class IndicatorsWorkerModule {}
