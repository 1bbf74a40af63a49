import { Injectable, Logger } from '@nestjs/common';
import { SubmissionRepository } from './submission.repository';
import { SubmissionJobs } from './submission-jobs';

/** Submissions left `received` or `validating` longer than this are presumed lost by the queue. */
export const RECONCILE_AFTER_MS = 30_000;
const BATCH = 1000;

/**
 * Nothing received is lost: re-enqueues every unfinished submission under its deterministic job id. Applying twice is
 * impossible anyway (the apply transaction locks the submission and re-checks its status).
 */
@Injectable()
export class SubmissionReconciler {
  private readonly logger = new Logger(SubmissionReconciler.name);

  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly jobs: SubmissionJobs,
  ) {}

  /** @returns how many submissions were enqueued again. */
  async reconcile(olderThanMs = RECONCILE_AFTER_MS): Promise<number> {
    const ids = await this.submissions.unfinished(new Date(Date.now() - olderThanMs), BATCH);
    let requeued = 0;
    for (const id of ids) if (await this.jobs.requeue(id)) requeued += 1;
    if (requeued > 0) this.logger.warn(`${requeued} soumission(s) non terminée(s) remise(s) en file.`);
    return requeued;
  }
}
