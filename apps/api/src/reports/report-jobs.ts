import { Injectable } from '@nestjs/common';
import { jobId } from '../platform/queue/job-map';
import { JobProducer } from '../platform/queue/job-producer';

/** Enqueues `send-report` jobs under the deterministic id `send-report-<deliveryId>`: enqueuing twice is a no-op. */
@Injectable()
export class ReportJobs {
  constructor(private readonly jobs: JobProducer) {}

  static sendJobId(deliveryId: string): string {
    return jobId('send-report', deliveryId);
  }

  async send(deliveryIds: readonly string[]): Promise<void> {
    for (const deliveryId of deliveryIds) {
      await this.jobs.enqueue(
        'reports',
        'send-report',
        { deliveryId },
        { jobId: ReportJobs.sendJobId(deliveryId), attempts: 6, backoff: { type: 'exponential', delay: 2000 } },
      );
    }
  }
}
