import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { SubmissionReconciler } from './submission.reconciler';
import { WatchedScheduler } from '../platform/queue/scheduler-watch';

export const RECONCILE_EVERY_MS = 60_000;
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
  private readonly scheduler: WatchedScheduler;

  constructor(
    @InjectQueue('figures') queue: Queue,
    private readonly reconciler: SubmissionReconciler,
  ) {
    this.scheduler = new WatchedScheduler(
      queue,
      SCHEDULER_ID,
      { every: RECONCILE_EVERY_MS },
      { name: 'reconcile-submissions', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      this.logger,
      async () => {
        const requeued = await this.reconciler.reconcile(0);
        this.logger.warn(`${requeued} soumission(s) remise(s) en file après la perte des données Redis.`);
      },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.start();
    try {
      const requeued = await this.reconciler.reconcile(0);
      this.logger.log(`Rapprochement au démarrage : ${requeued} soumission(s) remise(s) en file.`);
    } catch (err) {
      // a database hiccup at start must not stop the worker: the scheduled reconciliation runs again within a minute
      this.logger.warn(`Rapprochement au démarrage impossible, repris au prochain passage : ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  onApplicationShutdown(): void {
    this.scheduler.stop();
  }
}
