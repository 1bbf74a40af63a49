import type { Logger } from '@nestjs/common';
import { DelayedError, Job, RateLimitError, UnrecoverableError, WaitingChildrenError } from 'bullmq';

/** BullMQ's own control-flow errors (move to delayed, wait for children, rate limit): never rewritten. */
const isControlFlow = (err: unknown): boolean => err instanceof DelayedError || err instanceof WaitingChildrenError || err instanceof RateLimitError;

/**
 * The error a processor throws, with what was being done in front of its message (« Recalcul des indicateurs de …
 * (2024-01) : <cause> »): BullMQ keeps that message as the job's `failedReason`, which the queue dashboard shows. An
 * unrecoverable error stays unrecoverable (no retry), and the original error is its `cause`.
 */
export const explainFailure = (what: string, err: unknown): unknown => {
  if (isControlFlow(err)) return err;
  const cause = err instanceof Error ? err.message : String(err);
  const message = cause.startsWith(what) ? cause : `${what} : ${cause || 'erreur sans message'}`;
  const explained = err instanceof UnrecoverableError ? new UnrecoverableError(message) : new Error(message, { cause: err });
  if (err instanceof Error && err.stack) explained.stack = `${explained.name}: ${message}\n${err.stack.split('\n').slice(1).join('\n')}`;
  return explained;
};

/** Runs a job's work, explaining its failure with {@link explainFailure}. */
export const explainingFailure = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (err) {
    throw explainFailure(what, err);
  }
};

/**
 * Logs a failed attempt with its queue, job, payload (ids only, never data), attempt count and cause: a job that is
 * retried and then dropped never fails silently. For `@OnWorkerEvent('failed')`.
 */
export const logJobFailure = (logger: Pick<Logger, 'error'>, queue: string, job: Job | undefined, error: Error): void => {
  const what = job === undefined ? `Tâche ${queue} inconnue` : `Tâche ${queue} ${job.name} ${job.id ?? '?'} (données ${JSON.stringify(job.data)})`;
  const attempts = job === undefined ? '' : `, tentative ${job.attemptsMade} sur ${job.opts.attempts ?? 1}`;
  logger.error(`${what} en échec${attempts} : ${error.message}`, error.stack);
};
