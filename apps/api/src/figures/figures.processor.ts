import { OnApplicationBootstrap, Inject, Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, JobPayload } from '../platform/queue/job-map';
import { IngestionOutcome, IngestionService, MAX_ATTEMPTS } from './ingestion/ingestion.service';
import { SubmissionReconciler } from './submission.reconciler';
import { APP_CONFIG } from '../platform/config/config.module';
import { explainingFailure } from '../platform/queue/job-failure';
import { AppConfig } from '../platform/config/app-config';

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
 * Concurrency is `IMPORT_CONCURRENCY` (default 3): a submission alternates between Node (parse, validate, plan) and
 * PostgreSQL (write), so on 2 cores three at once keep both busy (bench, 576 000 rows: 2 → 25 900 rows/s, 3 → 31 000,
 * 4 → 30 700). Each holds its file's rows in memory while it runs.
 */
@Processor('figures', { concurrency: 1, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: MAX_ATTEMPTS })
export class FiguresProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(FiguresProcessor.name);

  constructor(
    private readonly ingestion: IngestionService,
    private readonly reconciler: SubmissionReconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.importConcurrency;
  }

  /** Every failed attempt, with its cause: a job that is retried and then dropped must not fail silently. */
  @OnWorkerEvent('failed')
  onFailed(job: FiguresJob | undefined, error: Error): void {
    const what = job === undefined ? 'Tâche figures inconnue' : `Tâche figures ${job.name} ${job.id ?? '?'} (données ${JSON.stringify(job.data)})`;
    const attempts = job === undefined ? '' : `, tentative ${job.attemptsMade} sur ${job.opts.attempts ?? 1}`;
    this.logger.error(`${what} en échec${attempts} : ${error.message}`, error.stack);
  }

  async process(job: FiguresJob): Promise<IngestionOutcome | { requeued: number }> {
    switch (job.name) {
      case 'apply-submission':
        return explainingFailure(`Traitement de la soumission ${job.data.submissionId} en échec`, () =>
          this.ingestion.process(job.data.submissionId, (share) => job.updateProgress(Math.round(share * 100))),
        );
      case 'reconcile-submissions':
        return explainingFailure('Reprise des soumissions inachevées en échec', async () => ({ requeued: await this.reconciler.reconcile() }));
      default:
        return unreachable(job);
    }
  }
}
