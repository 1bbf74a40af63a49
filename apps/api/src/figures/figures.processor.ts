import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, JobPayload } from '../platform/queue/job-map';
import { IngestionOutcome, IngestionService, MAX_ATTEMPTS } from './ingestion/ingestion.service';
import { SubmissionReconciler } from './submission.reconciler';

type FiguresJob = { [N in JobName<'figures'>]: Job<JobPayload<'figures', N>, unknown, N> }[JobName<'figures'>];

const unreachable = (name: never): never => {
  throw new Error(`Tâche inconnue dans la file figures : ${String(name)}`);
};

/**
 * The `figures` queue: apply submissions, reconcile the unfinished ones. Registered in the worker only.
 * A worker that dies mid-job leaves its job locked until the lock expires: a 15 s lock (renewed every 7.5 s) checked
 * every 5 s hands it to another worker within about 20 s (BullMQ's 30 s defaults took up to 1.5 min, and a job that
 * stalled twice failed until the next reconciliation). Crash loops are bounded by the submission's own attempt
 * counter (MAX_ATTEMPTS), not by BullMQ's stall count.
 */
@Processor('figures', { concurrency: 2, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: MAX_ATTEMPTS })
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
