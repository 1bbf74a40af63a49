import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { assertNever } from '@levier/indicators';
import { JobMap } from '../platform/queue/job-map';
import { ReportDispatcher } from './report-dispatcher';
import { ReportSender, SendOutcome } from './report-sender';

type ReportsJob = { [N in keyof JobMap['reports']]: Job<JobMap['reports'][N], unknown, N> }[keyof JobMap['reports']];

/** The `reports` queue: the scheduled fan-out and the per-recipient sends. Registered in the worker only. */
@Processor('reports', { concurrency: 4 })
export class ReportsProcessor extends WorkerHost {
  constructor(
    private readonly dispatcher: ReportDispatcher,
    private readonly sender: ReportSender,
  ) {
    super();
  }

  async process(job: ReportsJob): Promise<{ dispatched: number; deliveries: number; requeued: number } | { outcome: SendOutcome }> {
    switch (job.name) {
      case 'dispatch-due-reports':
        return this.dispatcher.dispatchDue();
      case 'send-report':
        return { outcome: await this.sender.deliver(job.data.deliveryId) };
      default:
        return assertNever(job);
    }
  }
}
