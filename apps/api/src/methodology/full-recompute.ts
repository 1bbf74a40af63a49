import { Injectable, Logger } from '@nestjs/common';
import { JobProducer } from '../platform/queue/job-producer';
import { jobId } from '../platform/queue/job-map';

/** Delay before a full recompute starts, so that a burst of edits (a form saving several rows) costs one job. */
export const FULL_RECOMPUTE_DELAY_MS = 500;

/**
 * "The method changed, recompute everything": one `indicators/recompute` job with `periods: []` per organisation,
 * de-duplicated by `recompute-<organisation>-all` (BullMQ deduplication, like RecomputeScheduler: a waiting job
 * absorbs further edits, `keepLastIfActive` keeps one follow-up while one runs). Called after the write committed;
 * a queue outage is logged, not thrown (the write stands; the next write or a rebuild recomputes).
 */
@Injectable()
export class FullRecompute {
  private readonly logger = new Logger(FullRecompute.name);

  constructor(private readonly jobs: JobProducer) {}

  static deduplicationId(organisationId: string): string {
    return jobId('recompute', organisationId, 'all');
  }

  async schedule(organisationId: string): Promise<void> {
    try {
      await this.jobs.enqueue(
        'indicators',
        'recompute',
        { organisationId, periods: [] },
        {
          delay: FULL_RECOMPUTE_DELAY_MS,
          deduplication: { id: FullRecompute.deduplicationId(organisationId), keepLastIfActive: true },
          removeOnComplete: true,
          removeOnFail: { count: 1000 },
        },
      );
    } catch (err) {
      this.logger.error(`Recalcul complet non programmé pour ${organisationId} : ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Custom indicators only (a definition changed: figures and method did not). */
  async scheduleCustom(organisationId: string): Promise<void> {
    try {
      await this.jobs.enqueue(
        'indicators',
        'recompute-custom',
        { organisationId },
        {
          delay: FULL_RECOMPUTE_DELAY_MS,
          deduplication: { id: jobId('recompute-custom', organisationId), keepLastIfActive: true },
          removeOnComplete: true,
          removeOnFail: { count: 1000 },
        },
      );
    } catch (err) {
      this.logger.error(`Recalcul des indicateurs personnalisés non programmé pour ${organisationId} : ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
