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
  };
  reports: {
    /** Fan out: one send job per due subscription. */
    'dispatch-due-reports': Record<string, never>;
    /** Render and send one subscription's report for one period. */
    'send-report': { subscriptionId: string; period: string; preview: boolean };
  };
}

export type QueueName = keyof JobMap;
export type JobName<Q extends QueueName> = keyof JobMap[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = JobMap[Q][N];

export const QUEUE_NAMES: readonly QueueName[] = ['figures', 'indicators', 'reports'];

/** BullMQ forbids `:` in custom job ids. */
export const jobId = (...parts: string[]): string => parts.join('-').replace(/:/g, '_');
