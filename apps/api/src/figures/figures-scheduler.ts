import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { SubmissionReconciler } from './submission.reconciler';

export const RECONCILE_EVERY_MS = 60_000;
/** How often each worker checks that Redis still holds the reconciler's job scheduler. */
export const REDIS_WATCH_EVERY_MS = 5_000;
const SCHEDULER_ID = 'reconcile-submissions';

/**
 * At worker start: schedule the reconciler every minute, and run it once at once for every unfinished submission
 * (whatever its age: whatever was in flight when the previous worker or Redis went away).
 *
 * While running: if Redis lost its data (FLUSHALL, a restart without persistence), the job scheduler is gone with the
 * jobs, so the periodic reconciliation would never run again. Every few seconds each worker checks that the scheduler
 * is still there; if not, it schedules it again and re-enqueues every unfinished submission at once.
 */
@Injectable()
export class FiguresScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FiguresScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private watching = false;

  constructor(
    @InjectQueue('figures') private readonly queue: Queue,
    private readonly reconciler: SubmissionReconciler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    const requeued = await this.reconciler.reconcile(0);
    this.logger.log(`Rapprochement au démarrage : ${requeued} soumission(s) remise(s) en file.`);
    this.timer = setInterval(() => void this.watchRedis(), REDIS_WATCH_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private schedule(): Promise<unknown> {
    return this.queue.upsertJobScheduler(
      SCHEDULER_ID,
      { every: RECONCILE_EVERY_MS },
      { name: 'reconcile-submissions', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  /** One check at a time: while Redis is unreachable the check waits for it, and the next ticks are skipped. */
  private async watchRedis(): Promise<void> {
    if (this.watching) return;
    this.watching = true;
    try {
      if (await this.queue.getJobScheduler(SCHEDULER_ID)) return;
      this.logger.warn('Redis a perdu les tâches de la file figures : rapprochement immédiat des soumissions non terminées.');
      await this.schedule();
      const requeued = await this.reconciler.reconcile(0);
      this.logger.warn(`${requeued} soumission(s) remise(s) en file après la perte des données Redis.`);
    } catch (err) {
      this.logger.warn(`Vérification de Redis impossible : ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.watching = false;
    }
  }
}
