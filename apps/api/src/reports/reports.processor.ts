import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { assertNever } from '@levier/indicators';
import { JobMap } from '../platform/queue/job-map';
import { ReportDispatcher } from './report-dispatcher';
import { PermanentDeliveryError, ReportSender, SendOutcome } from './report-sender';
import { explainingFailure, logJobFailure } from '../platform/queue/job-failure';

type ReportsJob = { [N in keyof JobMap['reports']]: Job<JobMap['reports'][N], unknown, N> }[keyof JobMap['reports']];

/** The `reports` queue: the scheduled fan-out and the per-recipient sends. Registered in the worker only. */
@Processor('reports', { concurrency: 4 })
export class ReportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(
    private readonly dispatcher: ReportDispatcher,
    private readonly sender: ReportSender,
  ) {
    super();
  }

  /** Every failed attempt, with its cause (also the job's failedReason, shown on the queue dashboard). */
  @OnWorkerEvent('failed')
  onFailed(job: ReportsJob | undefined, error: Error): void {
    logJobFailure(this.logger, 'reports', job, error);
  }

  process(job: ReportsJob): Promise<Awaited<ReturnType<ReportDispatcher['dispatchDue']>> | { outcome: SendOutcome }> {
    const what = job.name === 'send-report' ? `Envoi du rapport ${job.data.deliveryId} en échec` : 'Programmation des rapports dus en échec';
    return explainingFailure(what, () => this.run(job));
  }

  private async run(job: ReportsJob): Promise<Awaited<ReturnType<ReportDispatcher['dispatchDue']>> | { outcome: SendOutcome }> {
    switch (job.name) {
      case 'dispatch-due-reports':
        return this.dispatcher.dispatchDue();
      case 'send-report':
        try {
          const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          return { outcome: await this.sender.deliver(job.data.deliveryId, new Date(), { lastAttempt }) };
        } catch (err) {
          // a permanent SMTP refusal: BullMQ fails the job now instead of retrying it
          if (err instanceof PermanentDeliveryError) throw new UnrecoverableError(err.message);
          throw err;
        }
      default:
        return assertNever(job);
    }
  }
}
