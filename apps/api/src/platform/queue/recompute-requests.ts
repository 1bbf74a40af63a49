import { Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayload, RECOMPUTE_JOBS, RecomputeJob } from './job-map';
import { JobProducer } from './job-producer';

/**
 * How long the recompute of an import waits while other imports of its organisation are still in flight: each file of
 * a burst pushes it back by this much, and the last file of the burst (or any submission that settles last) runs it at
 * once ({@link RecomputeRequests.releaseDeferred}). This delay only bounds the wait if that release is missed (a worker
 * killed between its commit and the release); it never drops a recompute.
 */
export const IMPORT_BURST_DELAY_MS = 30_000;

/**
 * The one place a recompute of the read model is requested (figures, method, custom indicators, funding,
 * reallocation, worker start). Each request is a de-duplicated `indicators` job whose id and options come from
 * {@link RECOMPUTE_JOBS}. Called after the write committed: a queue outage is logged, not thrown (the write stands;
 * the next write or `levier recompute` recomputes).
 */
@Injectable()
export class RecomputeRequests {
  private readonly logger = new Logger(RecomputeRequests.name);

  constructor(private readonly jobs: JobProducer) {}

  /**
   * Figures of these periods changed (a form edit, an import, a period submitted or approved): recompute now. A
   * recompute of the same periods deferred by an import burst ({@link periodsChangedDuringImports}) is brought forward.
   */
  async periodsChanged(organisationId: string, changed: readonly string[]): Promise<void> {
    const periods = [...new Set(changed)].sort();
    if (periods.length === 0) return;
    await this.request('recompute', { organisationId, periods }, `Recalcul non programmé pour ${organisationId} (${periods.join(', ')})`, {
      delay: 0,
      reschedule: true,
    });
  }

  /**
   * An import changed these periods while other imports of the organisation are still being applied: recompute once
   * they are all done rather than now (29 files of one organisation, each asking a recompute of all its periods while
   * the next file is being written, competed with the import for the machine: bench, scale M). One delayed job per
   * set of periods, pushed back by each file ({@link IMPORT_BURST_DELAY_MS}); the caller releases it when the last
   * import of the organisation settles.
   */
  async periodsChangedDuringImports(organisationId: string, changed: readonly string[]): Promise<void> {
    const periods = [...new Set(changed)].sort();
    if (periods.length === 0) return;
    await this.request('recompute', { organisationId, periods }, `Recalcul différé non programmé pour ${organisationId} (${periods.join(', ')})`, {
      delay: IMPORT_BURST_DELAY_MS,
      reschedule: true,
    });
  }

  /**
   * No import of the organisation is in flight any more: the recomputes deferred by its imports run now. Returns how
   * many were brought forward; a queue outage is logged (they still run when their delay ends).
   */
  async releaseDeferred(organisationId: string): Promise<number> {
    try {
      const delayed = await this.jobs.queue('indicators').getDelayed();
      let released = 0;
      for (const job of delayed) {
        const data = job.data as Partial<JobPayload<'indicators', 'recompute'>>;
        if (job.name !== 'recompute' || data.organisationId !== organisationId || (data.periods?.length ?? 0) === 0) continue;
        try {
          await job.promote();
          released += 1;
        } catch {
          // no longer delayed: taken, promoted or rescheduled by another worker meanwhile
        }
      }
      return released;
    } catch (err) {
      this.logger.error(
        `Recalculs différés de ${organisationId} non avancés (ils partiront à l’échéance) : ${err instanceof Error ? err.message : String(err)}`,
      );
      return 0;
    }
  }

  /** The method or who pays changed, or the read model is empty: every period. */
  async everyPeriod(organisationId: string): Promise<void> {
    await this.request('recompute', { organisationId, periods: [] }, `Recalcul complet non programmé pour ${organisationId}`);
  }

  /** A custom indicator's definition changed (figures and method did not). */
  async customIndicators(organisationId: string): Promise<void> {
    await this.request('recompute-custom', { organisationId }, `Recalcul des indicateurs personnalisés non programmé pour ${organisationId}`);
  }

  /** A redeployment, need, transfer, loan or budget year changed. */
  async reallocation(organisationId: string): Promise<void> {
    await this.request('recompute-reallocation', { organisationId }, `Recalcul de la réallocation non programmé pour ${organisationId}`);
  }

  /** The read model is still empty at worker start: every period. Throws when the queue is down: the caller tries again. */
  async initial(organisationId: string): Promise<void> {
    await this.enqueue('recompute', { organisationId, periods: [] });
  }

  private async request<N extends JobName<'indicators'>>(
    name: N,
    payload: JobPayload<'indicators', N>,
    failure: string,
    timing?: { delay: number; reschedule: true },
  ): Promise<void> {
    try {
      await this.enqueue(name, payload, timing);
    } catch (err) {
      this.logger.error(`${failure} : ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * `timing`, when given, sets the delay and reschedules a delayed job of the same de-duplication id to it (BullMQ's
   * `reschedule`: same job and data, new due time): pushed back by a deferred request, brought forward by an immediate one.
   */
  private async enqueue<N extends JobName<'indicators'>>(
    name: N,
    payload: JobPayload<'indicators', N>,
    timing?: { delay: number; reschedule: true },
  ): Promise<void> {
    const job: RecomputeJob<N> = RECOMPUTE_JOBS[name];
    await this.jobs.enqueue('indicators', name, payload, {
      ...job.options(payload),
      ...(timing === undefined ? {} : { delay: timing.delay }),
      deduplication: { id: job.deduplicationId(payload), keepLastIfActive: true, ...(timing === undefined ? {} : { reschedule: true }) },
      removeOnComplete: true,
      removeOnFail: { count: 1000 },
    });
  }
}
