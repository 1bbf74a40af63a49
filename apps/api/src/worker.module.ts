import { Module } from '@nestjs/common';
import { ConfigModule } from './platform/config/config.module';
import { DatabaseModule } from './platform/database/database.module';
import { DATABASE_ENTITIES } from './database-entities';
import { QueueModule } from './platform/queue/queue.module';
import { MailModule } from './platform/mail/mail.module';
import { IndicatorsWorkerModule } from './indicators/indicators-worker.module';
import { FiguresWorkerModule } from './figures/figures-worker.module';
import { ReportsWorkerModule } from './reports/reports-worker.module';

/** The queue process: the same feature modules as the API, plus every processor and job scheduler. No HTTP. */
@Module({
  imports: [ConfigModule, DatabaseModule.forRoot(DATABASE_ENTITIES), QueueModule, MailModule, IndicatorsWorkerModule, FiguresWorkerModule, ReportsWorkerModule],
})
export class WorkerModule {}
