import { Module } from '@nestjs/common';
import { FiguresModule } from './figures.module';
import { FiguresProcessor } from './figures.processor';
import { FiguresScheduler } from './figures-scheduler';

/** The worker's part of ingestion: the `figures` processor and the reconciler's schedule. Imported by WorkerModule only. */
@Module({
  imports: [FiguresModule],
  providers: [FiguresProcessor, FiguresScheduler],
})
export class FiguresWorkerModule {}
