import { Injectable, Logger } from '@nestjs/common';
import { JobProducer } from '../platform/queue/job-producer';
import { jobId } from '../platform/queue/job-map';

/**
 * How long the API waits for Redis when enqueueing: the submission is already committed, so past this the request is
 * answered anyway (the add still completes when Redis comes back, and the reconciler covers a lost one). Without it, a
 * Redis outage held every POST /api/submissions open until Redis returned.
 */
export const ENQUEUE_TIMEOUT_MS = 2_000;

const within = <T>(work: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis n’a pas répondu en ${ms} ms`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });

/** The `apply-submission` job of a submission always has the id `submission-<id>`: BullMQ ignores a second add. */
export const submissionJobId = (submissionId: string): string => jobId('submission', submissionId);

@Injectable()
export class SubmissionJobs {
  private readonly logger = new Logger(SubmissionJobs.name);

  constructor(private readonly jobs: JobProducer) {}

  /** Enqueues the job after the submission is committed. A queue outage is logged: the reconciler will enqueue it. */
  async enqueue(submissionId: string): Promise<void> {
    try {
      await within(this.jobs.enqueue('figures', 'apply-submission', { submissionId }, { jobId: submissionJobId(submissionId) }), ENQUEUE_TIMEOUT_MS);
    } catch (err) {
      this.logger.error(
        `Soumission ${submissionId} enregistrée mais non mise en file (le rapprochement la reprendra) : ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /**
   * For the reconciler: enqueues again a submission whose job is gone (Redis lost it) or finished without finishing
   * the submission (failed after its retries). A waiting, delayed or running job is left alone.
   */
  async requeue(submissionId: string): Promise<boolean> {
    const queue = this.jobs.queue('figures');
    const id = submissionJobId(submissionId);
    const existing = await queue.getJob(id);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false;
      try {
        await existing.remove();
      } catch {
        return false; // taken by a worker meanwhile
      }
    }
    await this.jobs.enqueue('figures', 'apply-submission', { submissionId }, { jobId: id });
    return true;
  }
}
