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
