import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job of Levier, with its payload. Jobs carry ids, never data: the durable truth is in PostgreSQL.
 * Enqueue only through {@link JobProducer}, so a wrong name or payload does not compile.
 */
export interface JobMap {
  figures: {
    /** Validate and apply (or reject) one stored submission. */
    'apply-submission': { submissionId: string };
    /** Re-enqueue submissions left unfinished by a lost job or a dead worker. */
    'reconcile-submissions': Record<string, never>;
  };
  indicators: {
    /** Recompute the read model of one organisation for some periods. */
    recompute: { organisationId: string; periods: string[] };
    /** Recompute the custom indicators' read model of one organisation (a definition changed). */
    'recompute-custom': { organisationId: string };
    /** Recompute the reallocation read model of one organisation (a redeployment, need, transfer or loan changed). */
    'recompute-reallocation': { organisationId: string };
  };
  reports: {
    /** Fan out: for each due subscription, one delivery row and one send job per recipient. */
    'dispatch-due-reports': Record<string, never>;
    /**
     * Render and send one `report_delivery` (subscription × period × recipient × run, preview or scheduled): the row
     * holds the rest, and its claim makes a retry or a second worker a no-op once sent.
     */
    'send-report': { deliveryId: string };
  };
}

export type QueueName = keyof JobMap;
export type JobName<Q extends QueueName> = keyof JobMap[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = JobMap[Q][N];

export const QUEUE_NAMES: readonly QueueName[] = ['figures', 'indicators', 'reports'];

/** BullMQ forbids `:` in custom job ids. */
export const jobId = (...parts: string[]): string => parts.join('-').replace(/:/g, '_');

/** Delay before a recompute of every period or of a whole read model starts, so that a burst of edits (a form saving several rows) costs one job. */
export const RECOMPUTE_DELAY_MS = 500;

export interface RecomputeJob<N extends JobName<'indicators'>> {
  deduplicationId: (payload: JobPayload<'indicators', N>) => string;
  options: (payload: JobPayload<'indicators', N>) => JobsOptions;
}

/**
 * How each recompute is requested, once per job name: its de-duplication id, derived from the payload, and its options.
 * BullMQ deduplication, not the job id (a completed job kept under a fixed job id would swallow every later
 * recompute): while a job with that id waits, further requests add nothing; while one runs, `keepLastIfActive` keeps
 * exactly one follow-up, so a change made during a recompute is never lost and a burst of changes costs at most one
 * running plus one pending job. {@link RecomputeRequests} is the one producer that uses it.
 */
export const RECOMPUTE_JOBS: { [N in JobName<'indicators'>]: RecomputeJob<N> } = {
  recompute: {
    /**
     * Every period (`periods: []`, the method or who pays changed): `recompute-<organisation>-all`. One period (a form
     * edit, a period submitted or approved): `recompute-<organisation>-<period>`. Several periods (an import): ONE job
     * for all of them, its id derived from the set (a series of imports of the same periods costs one set-based
     * recompute at a time, not one job per period and file: bench, scale M).
     */
    deduplicationId: ({ organisationId, periods }) =>
      periods.length === 0
        ? jobId('recompute', organisationId, 'all')
        : periods.length === 1
          ? jobId('recompute', organisationId, periods[0])
          : jobId('recompute', organisationId, 'set', createHash('sha256').update(periods.join(',')).digest('hex').slice(0, 16)),
    options: ({ periods }) => (periods.length === 0 ? { delay: RECOMPUTE_DELAY_MS } : {}),
  },
  'recompute-custom': { deduplicationId: ({ organisationId }) => jobId('recompute-custom', organisationId), options: () => ({ delay: RECOMPUTE_DELAY_MS }) },
  'recompute-reallocation': {
    deduplicationId: ({ organisationId }) => jobId('recompute-reallocation', organisationId),
    options: () => ({ delay: RECOMPUTE_DELAY_MS }),
  },
};
