import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { REPORT_TIMEZONE } from './report-schedule';

export const DISPATCH_SCHEDULER_ID = 'dispatch-due-reports';
/** Every minute, Paris time: the finest grain of a five-field cron. */
export const DISPATCH_PATTERN = '* * * * *';

/** At worker start: the job scheduler that fires the fan-out (idempotent: every worker upserts the same scheduler). */
@Injectable()
export class ReportsScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue('reports') private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      DISPATCH_SCHEDULER_ID,
      { pattern: DISPATCH_PATTERN, tz: REPORT_TIMEZONE },
      { name: 'dispatch-due-reports', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100, attempts: 1 } },
    );
  }
}
