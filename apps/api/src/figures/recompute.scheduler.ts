import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { JobProducer } from '../platform/queue/job-producer';
import { jobId } from '../platform/queue/job-map';

/**
 * "Figures changed, recompute", de-duplicated by a deterministic id (BullMQ deduplication, not the job id: a completed
 * job kept under a fixed job id would swallow every later recompute). While a job with that id waits, further changes
 * add nothing; while one runs, `keepLastIfActive` keeps exactly one follow-up, so a change made during a recompute is
 * never lost and a burst of changes costs at most one running plus one pending job.
 * - One period (a form edit, a period submitted or approved): one job per (organisation, period),
 *   `recompute-<organisation>-<period>`.
 * - Several periods (an import): ONE job for all of them, its id derived from the set. A series of imports of the same
 *   periods (a département's files, one after another) then costs one set-based recompute at a time, not one job per
 *   period and file (bench, scale M: the per-period jobs kept a core busy throughout the import).
 */
@Injectable()
export class RecomputeScheduler {
  private readonly logger = new Logger(RecomputeScheduler.name);

  constructor(private readonly jobs: JobProducer) {}

  static deduplicationId(organisationId: string, period: string): string {
    return jobId('recompute', organisationId, period);
  }

  /** The id of a recompute of several periods: the same set, the same id. */
  static setDeduplicationId(organisationId: string, periods: readonly string[]): string {
    return jobId('recompute', organisationId, 'set', createHash('sha256').update(periods.join(',')).digest('hex').slice(0, 16));
  }

  /** Enqueues the recompute; a queue outage is logged, not thrown: the figures are committed already. */
  async periodsChanged(organisationId: string, changed: readonly string[]): Promise<void> {
    const periods = [...new Set(changed)].sort();
    if (periods.length === 0) return;
    const id =
      periods.length === 1 ? RecomputeScheduler.deduplicationId(organisationId, periods[0]) : RecomputeScheduler.setDeduplicationId(organisationId, periods);
    try {
      await this.jobs.enqueue(
        'indicators',
        'recompute',
        { organisationId, periods },
        { deduplication: { id, keepLastIfActive: true }, removeOnComplete: true, removeOnFail: { count: 1000 } },
      );
    } catch (err) {
      this.logger.error(`Recalcul non programmé pour ${organisationId} (${periods.join(', ')}) : ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
