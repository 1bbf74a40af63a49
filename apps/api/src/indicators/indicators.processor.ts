import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { assertNever } from '@levier/indicators';
import { JobMap } from '../platform/queue/job-map';
import { RecomputeService } from './savings/recompute.service';
import { CustomIndicatorRecomputeService } from './custom/custom-indicator-recompute.service';
import { ReallocationRecomputeService } from './reallocation/reallocation-recompute.service';
import { RecomputeRequests } from '../platform/queue/recompute-requests';
import { explainingFailure, logJobFailure } from '../platform/queue/job-failure';

type IndicatorsJob = { [N in keyof JobMap['indicators']]: Job<JobMap['indicators'][N], unknown, N> }[keyof JobMap['indicators']];

/** What a job was doing, in front of its failure's cause. */
const describe = (job: IndicatorsJob): string => {
  switch (job.name) {
    case 'recompute':
      return `Recalcul des indicateurs de l’organisation ${job.data.organisationId} (${job.data.periods.length === 0 ? 'toutes les périodes' : `périodes ${job.data.periods.join(', ')}`}) en échec`;
    case 'recompute-custom':
      return `Recalcul des indicateurs personnalisés de l’organisation ${job.data.organisationId} en échec`;
    case 'recompute-reallocation':
      return `Recalcul de la réallocation de l’organisation ${job.data.organisationId} en échec`;
    default:
      return assertNever(job, 'tâche');
  }
};

/**
 * Worker side of the `indicators` queue: keeps the read model fresh. A recompute rebuilds the read model from the
 * figures in one transaction, so re-running it is always safe: a worker killed in the middle leaves it stalled, and it
 * is handed to another worker within about 5 s after its lock expires, up to five times (BullMQ's default, once,
 * dropped a recompute killed twice and left the dashboard stale until the next edit).
 */
@Processor('indicators', { concurrency: 2, stalledInterval: 5_000, maxStalledCount: 5 })
export class IndicatorsProcessor extends WorkerHost {
  private readonly logger = new Logger(IndicatorsProcessor.name);

  constructor(
    private readonly recompute: RecomputeService,
    private readonly customRecompute: CustomIndicatorRecomputeService,
    private readonly reallocationRecompute: ReallocationRecomputeService,
    private readonly requests: RecomputeRequests,
  ) {
    super();
  }

  /** Every failed attempt, with its cause (also the job's failedReason, shown on the queue dashboard). */
  @OnWorkerEvent('failed')
  onFailed(job: IndicatorsJob | undefined, error: Error): void {
    logJobFailure(this.logger, 'indicators', job, error);
  }

  process(job: IndicatorsJob): Promise<{ rows: number }> {
    return explainingFailure(describe(job), () => this.run(job));
  }

  private async run(job: IndicatorsJob): Promise<{ rows: number }> {
    switch (job.name) {
      case 'recompute': {
        const result = await this.recompute.recompute(job.data.organisationId, job.data.periods);
        // custom indicators read the same figures: keep their read model in step (same periods)
        await this.customRecompute.recompute(job.data.organisationId, job.data.periods);
        // the fongibilité rate falls back on the year's spend figures when no budget is voted: refresh it, deduplicated
        await this.requests.reallocation(job.data.organisationId);
        return result;
      }
      case 'recompute-custom':
        return this.customRecompute.recompute(job.data.organisationId);
      case 'recompute-reallocation':
        return this.reallocationRecompute.recompute(job.data.organisationId);
      default:
        return assertNever(job, 'tâche');
    }
  }
}
