import { Module } from '@nestjs/common';
import { ReportsModule } from './reports.module';
import { ReportsProcessor } from './reports.processor';
import { ReportsScheduler } from './reports-scheduler';

/** The worker's part of reports: the `reports` processor and the fan-out's job scheduler. Imported by WorkerModule only. */
@Module({ imports: [ReportsModule], providers: [ReportsProcessor, ReportsScheduler] })
export class ReportsWorkerModule {}
