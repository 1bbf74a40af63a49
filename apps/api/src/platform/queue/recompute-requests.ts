import { Injectable, Logger } from '@nestjs/common';
import { JobName, JobPayload, RECOMPUTE_JOBS, RecomputeJob } from './job-map';
import { JobProducer } from './job-producer';

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

  /** Figures of these periods changed (a form edit, an import, a period submitted or approved). */
  async periodsChanged(organisationId: string, changed: readonly string[]): Promise<void> {
    const periods = [...new Set(changed)].sort();
    if (periods.length === 0) return;
    await this.request('recompute', { organisationId, periods }, `Recalcul non programmé pour ${organisationId} (${periods.join(', ')})`);
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

  private async request<N extends JobName<'indicators'>>(name: N, payload: JobPayload<'indicators', N>, failure: string): Promise<void> {
    try {
      await this.enqueue(name, payload);
    } catch (err) {
      this.logger.error(`${failure} : ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async enqueue<N extends JobName<'indicators'>>(name: N, payload: JobPayload<'indicators', N>): Promise<void> {
    const job: RecomputeJob<N> = RECOMPUTE_JOBS[name];
    await this.jobs.enqueue('indicators', name, payload, {
      ...job.options(payload),
      deduplication: { id: job.deduplicationId(payload), keepLastIfActive: true },
      removeOnComplete: true,
      removeOnFail: { count: 1000 },
    });
  }
}
