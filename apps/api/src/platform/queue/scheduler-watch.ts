import { Logger } from '@nestjs/common';
import { Queue, RepeatOptions } from 'bullmq';

/** How often each worker checks that Redis still holds a job scheduler. */
export const SCHEDULER_WATCH_EVERY_MS = 5_000;

type Template = NonNullable<Parameters<Queue['upsertJobScheduler']>[2]>;

/**
 * A BullMQ job scheduler that survives Redis losing its data (FLUSHALL, a restart without persistence): it is
 * upserted at start, then every few seconds each worker checks that it is still there, recreates it if not, and calls
 * `onLost` so the caller can re-enqueue what was in flight. One check at a time; errors are logged, never thrown.
 */
export class WatchedScheduler {
  private timer: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    private readonly queue: Queue,
    private readonly id: string,
    private readonly repeat: Omit<RepeatOptions, 'key'>,
    private readonly template: Template,
    private readonly logger: Logger,
    private readonly onLost: () => Promise<void> = async () => undefined,
  ) {}

  async start(): Promise<void> {
    await this.upsert();
    this.timer = setInterval(() => void this.check(), SCHEDULER_WATCH_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private upsert(): Promise<unknown> {
    return this.queue.upsertJobScheduler(this.id, this.repeat, this.template);
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      if (await this.queue.getJobScheduler(this.id)) return;
      this.logger.warn(`Redis a perdu la tâche planifiée ${this.id} : elle est recréée.`);
      await this.upsert();
      await this.onLost();
    } catch (err) {
      this.logger.warn(`Vérification de la tâche planifiée ${this.id} impossible : ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.checking = false;
    }
  }
}
