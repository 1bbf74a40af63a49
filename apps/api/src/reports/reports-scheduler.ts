import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { WatchedScheduler } from '../platform/queue/scheduler-watch';
import { REPORT_TIMEZONE } from './report-schedule';

export const DISPATCH_SCHEDULER_ID = 'dispatch-due-reports';
/** Every minute, Paris time: the finest grain of a five-field cron. */
export const DISPATCH_PATTERN = '* * * * *';

/**
 * At worker start: the job scheduler that fires the fan-out (idempotent: every worker upserts the same scheduler),
 * recreated if Redis loses it. Deliveries whose jobs were lost are re-enqueued by the fan-out itself.
 */
@Injectable()
export class ReportsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly scheduler: WatchedScheduler;

  constructor(@InjectQueue('reports') queue: Queue) {
    this.scheduler = new WatchedScheduler(
      queue,
      DISPATCH_SCHEDULER_ID,
      { pattern: DISPATCH_PATTERN, tz: REPORT_TIMEZONE },
      { name: 'dispatch-due-reports', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100, attempts: 1 } },
      new Logger(ReportsScheduler.name),
    );
  }

  onApplicationBootstrap(): Promise<void> {
    return this.scheduler.start();
  }

  onApplicationShutdown(): void {
    this.scheduler.stop();
  }
}
