import { Injectable, Logger } from '@nestjs/common';
import { JobProducer } from '../platform/queue/job-producer';
import { jobId } from '../platform/queue/job-map';

/**
 * "A figure changed, recompute": one `indicators/recompute` job per (organisation, period), de-duplicated by the
 * deterministic id `recompute-<organisation>-<period>` (BullMQ deduplication, not the job id: a completed job kept
 * under a fixed job id would swallow every later recompute). While a job for that period waits, further edits add
 * nothing; while one runs, `keepLastIfActive` keeps exactly one follow-up, so an edit made during a recompute is
 * never lost and a burst of edits costs at most one running plus one pending job.
 */
@Injectable()
export class RecomputeScheduler {
  private readonly logger = new Logger(RecomputeScheduler.name);

  constructor(private readonly jobs: JobProducer) {}

  static deduplicationId(organisationId: string, period: string): string {
    return jobId('recompute', organisationId, period);
  }

  /** Enqueues the recomputes; a queue outage is logged, not thrown: the figures are committed already. */
  async periodsChanged(organisationId: string, periods: readonly string[]): Promise<void> {
    for (const period of [...new Set(periods)].sort()) {
      try {
        await this.jobs.enqueue(
          'indicators',
          'recompute',
          { organisationId, periods: [period] },
          {
            deduplication: { id: RecomputeScheduler.deduplicationId(organisationId, period), keepLastIfActive: true },
            removeOnComplete: true,
            removeOnFail: { count: 1000 },
          },
        );
      } catch (err) {
        this.logger.error(`Recalcul non programmé pour ${organisationId} ${period} : ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}
