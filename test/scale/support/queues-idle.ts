import { ConnectionOptions, Queue } from 'bullmq';

/**
 * Waits until no queue has a waiting, prioritized or active job (the recomputes an import enqueued are done), as the
 * bench does before measuring edit → dashboard; the schedulers' delayed jobs do not count. Returns how long it took.
 */
export const waitQueuesIdle = async (connection: ConnectionOptions, prefix: string, timeoutMs = 120_000): Promise<number> => {
  const queues = ['figures', 'indicators', 'reports'].map((name) => new Queue(name, { connection, prefix }));
  const started = Date.now();
  try {
    for (;;) {
      const counts = await Promise.all(queues.map((q) => q.getJobCounts('waiting', 'active', 'prioritized')));
      if (counts.every((c) => Object.values(c).every((n) => n === 0))) return Date.now() - started;
      if (Date.now() - started > timeoutMs) throw new Error(`files BullMQ encore occupées après ${timeoutMs} ms : ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
};
