import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, JobPayload } from '../platform/queue/job-map';
import { IngestionOutcome, IngestionService } from './ingestion/ingestion.service';
import { SubmissionReconciler } from './submission.reconciler';

type FiguresJob = { [N in JobName<'figures'>]: Job<JobPayload<'figures', N>, unknown, N> }[JobName<'figures'>];

const unreachable = (name: never): never => {
  throw new Error(`Tâche inconnue dans la file figures : ${String(name)}`);
};

/** The `figures` queue: apply submissions, reconcile the unfinished ones. Registered in the worker only. */
@Processor('figures', { concurrency: 2 })
export class FiguresProcessor extends WorkerHost {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly reconciler: SubmissionReconciler,
  ) {
    super();
  }

  async process(job: FiguresJob): Promise<IngestionOutcome | { requeued: number }> {
    switch (job.name) {
      case 'apply-submission':
        return this.ingestion.process(job.data.submissionId, (share) => job.updateProgress(Math.round(share * 100)));
      case 'reconcile-submissions':
        return { requeued: await this.reconciler.reconcile() };
      default:
        return unreachable(job);
    }
  }
}
