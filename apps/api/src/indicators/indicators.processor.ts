import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { assertNever } from '@levier/indicators';
import { JobMap } from '../platform/queue/job-map';
import { RecomputeService } from './recompute.service';

type IndicatorsJob = { [N in keyof JobMap['indicators']]: Job<JobMap['indicators'][N], unknown, N> }[keyof JobMap['indicators']];

/** Worker side of the `indicators` queue: keeps the read model fresh. */
@Processor('indicators', { concurrency: 2 })
export class IndicatorsProcessor extends WorkerHost {
  constructor(private readonly recompute: RecomputeService) {
    super();
  }

  async process(job: IndicatorsJob): Promise<{ rows: number }> {
    switch (job.name) {
      case 'recompute':
        return this.recompute.recompute(job.data.organisationId, job.data.periods);
      default:
        return assertNever(job.name);
    }
  }
}
