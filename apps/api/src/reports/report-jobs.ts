import { Injectable } from '@nestjs/common';
import { jobId } from '../platform/queue/job-map';
import { JobProducer } from '../platform/queue/job-producer';

/** The attempts of a send-report job, and the claims a delivery may use up before it is given up (see ReportDispatcher). */
export const SEND_ATTEMPTS = 6;

/** Enqueues `send-report` jobs under the deterministic id `send-report-<deliveryId>`: enqueuing twice is a no-op. */
@Injectable()
export class ReportJobs {
  constructor(private readonly jobs: JobProducer) {}

  static sendJobId(deliveryId: string): string {
    return jobId('send-report', deliveryId);
  }

  /**
   * The job that takes over a delivery whose claim expired: the first job's id may still be held by that job (failed
   * after its retries, or still retrying), so the takeover has its own id, deterministic per claim count: two
   * fan-outs that see the same expired claim enqueue it once.
   */
  static resumeJobId(deliveryId: string, attempts: number): string {
    return jobId('send-report', deliveryId, 'reprise', String(attempts));
  }

  async resume(claims: readonly { id: string; attempts: number }[]): Promise<void> {
    for (const { id, attempts } of claims) {
      await this.jobs.enqueue(
        'reports',
        'send-report',
        { deliveryId: id },
        { jobId: ReportJobs.resumeJobId(id, attempts), attempts: SEND_ATTEMPTS, backoff: { type: 'exponential', delay: 2000 } },
      );
    }
  }

  async send(deliveryIds: readonly string[]): Promise<void> {
    for (const deliveryId of deliveryIds) {
      await this.jobs.enqueue(
        'reports',
        'send-report',
        { deliveryId },
        { jobId: ReportJobs.sendJobId(deliveryId), attempts: SEND_ATTEMPTS, backoff: { type: 'exponential', delay: 2000 } },
      );
    }
  }
}
