import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { assertNever } from '@levier/indicators';
import { JobMap } from '../platform/queue/job-map';
import { RecomputeService } from './recompute.service';
import { CustomIndicatorRecomputeService } from '../methodology/custom/custom-indicator-recompute.service';
import { ReallocationRecomputeService } from '../reallocation/reallocation-recompute.service';
import { RecomputeRequests } from '../platform/queue/recompute-requests';

type IndicatorsJob = { [N in keyof JobMap['indicators']]: Job<JobMap['indicators'][N], unknown, N> }[keyof JobMap['indicators']];

/**
 * Worker side of the `indicators` queue: keeps the read model fresh. A recompute rebuilds the read model from the
 * figures in one transaction, so re-running it is always safe: a worker killed in the middle leaves it stalled, and it
 * is handed to another worker within about 5 s after its lock expires, up to five times (BullMQ's default, once,
 * dropped a recompute killed twice and left the dashboard stale until the next edit).
 */
@Processor('indicators', { concurrency: 2, stalledInterval: 5_000, maxStalledCount: 5 })
export class IndicatorsProcessor extends WorkerHost {
  constructor(
    private readonly recompute: RecomputeService,
    private readonly customRecompute: CustomIndicatorRecomputeService,
    private readonly reallocationRecompute: ReallocationRecomputeService,
    private readonly requests: RecomputeRequests,
  ) {
    super();
  }

  async process(job: IndicatorsJob): Promise<{ rows: number }> {
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
