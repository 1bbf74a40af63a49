import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { SubmissionReconciler } from './submission.reconciler';

export const RECONCILE_EVERY_MS = 60_000;

/**
 * At worker start: schedule the reconciler every minute, and run it once at once for every unfinished submission
 * (whatever its age: whatever was in flight when the previous worker or Redis went away).
 */
@Injectable()
export class FiguresScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(FiguresScheduler.name);

  constructor(
    @InjectQueue('figures') private readonly queue: Queue,
    private readonly reconciler: SubmissionReconciler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'reconcile-submissions',
      { every: RECONCILE_EVERY_MS },
      { name: 'reconcile-submissions', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
    const requeued = await this.reconciler.reconcile(0);
    this.logger.log(`Rapprochement au démarrage : ${requeued} soumission(s) remise(s) en file.`);
  }
}
