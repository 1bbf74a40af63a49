import { Injectable, Logger } from '@nestjs/common';
import { TenantDb } from '../platform/database/tenant-db';
import { ReportDeliveryRepository } from './report-delivery.repository';
import { ReportJobs, SEND_ATTEMPTS } from './report-jobs';
import { coveredPeriod, SCHEDULE_RUN_KEY } from './report-period';
import { dueOccurrence } from './report-schedule';
import { ReportSubscriptionRepository } from './report-subscription.repository';

/** Pending deliveries older than this without a sent/failed outcome are re-enqueued (their job may have been lost). */
export const REQUEUE_PENDING_AFTER_SECONDS = 120;

/** The reason kept on a delivery given up after its claims kept expiring (the worker died each time while sending). */
export const abandonedClaimReason = (attempts: number): string =>
  `Envoi interrompu ${attempts} fois sans confirmation (le processus d’envoi s’est arrêté pendant l’envoi) : le message a pu partir ; ` +
  'vérifiez auprès du destinataire avant de le renvoyer.';

/**
 * The fan-out of `dispatch-due-reports`. A subscription is due when its cron (Europe/Paris) has an occurrence after its
 * high-water mark (`last_dispatched_at`, or its creation) and up to now. The report then covers the period the
 * subscription chose (last complete month, quarter or year, or year to date) before that occurrence. Claiming the occurrence moves the mark in the same transaction that creates one delivery row per
 * recipient (unique per subscription, period, recipient and run): a second dispatcher, or a cron firing every second,
 * adds nothing for a period already dispatched. Each subscription is dispatched alone: one failing does not stop the others.
 */
@Injectable()
export class ReportDispatcher {
  private readonly logger = new Logger(ReportDispatcher.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly subscriptions: ReportSubscriptionRepository,
    private readonly deliveries: ReportDeliveryRepository,
    private readonly jobs: ReportJobs,
  ) {}

  async dispatchDue(now: Date = new Date()): Promise<{ dispatched: number; deliveries: number; requeued: number; resumed: number; abandoned: number }> {
    let dispatched = 0;
    let enqueued = 0;
    for (const candidate of await this.subscriptions.dispatchCandidates()) {
      try {
        const occurrence = dueOccurrence({ expression: candidate.schedule, since: candidate.since, now });
        if (occurrence === null) continue;
        const period = coveredPeriod(candidate.periodCovered, occurrence);
        const ids = await this.tenantDb.run(candidate.organisationId, async (em) => {
          const recipients = await this.subscriptions.claimOccurrence(em, candidate.organisationId, candidate.id, occurrence);
          return recipients === null
            ? null
            : this.deliveries.ensure(em, candidate.organisationId, { subscriptionId: candidate.id, period, runKey: SCHEDULE_RUN_KEY, recipients });
        });
        if (ids === null) continue;
        await this.jobs.send(ids);
        dispatched += 1;
        enqueued += ids.length;
      } catch (err) {
        this.logger.error(`Abonnement ${candidate.id} non distribué : ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const stale = await this.deliveries.stalePending(REQUEUE_PENDING_AFTER_SECONDS, 1000);
    await this.jobs.send(stale);
    const { resumed, abandoned } = await this.resumeExpiredClaims();
    return { dispatched, deliveries: enqueued, requeued: stale.length, resumed, abandoned };
  }

  /**
   * Rows left `sending` by a dead worker end in a final state: re-sent (at least once: the SMTP server may have
   * accepted the first message, and the resend carries the same Message-ID, which mail clients show once), or, after
   * SEND_ATTEMPTS claims, `failed` with a reason that says the message may have gone out.
   */
  private async resumeExpiredClaims(): Promise<{ resumed: number; abandoned: number }> {
    const expired = await this.deliveries.expiredClaims(1000);
    const resume: { id: string; attempts: number }[] = [];
    let abandoned = 0;
    for (const claim of expired) {
      if (claim.attempts < SEND_ATTEMPTS) {
        resume.push(claim);
        continue;
      }
      const ended = await this.tenantDb.run(claim.organisationId, (em) =>
        this.deliveries.abandonExpiredClaim(em, claim.id, abandonedClaimReason(claim.attempts)),
      );
      if (!ended) continue;
      abandoned += 1;
      this.logger.warn(`Envoi du rapport ${claim.id} abandonné après ${claim.attempts} essais interrompus.`);
    }
    await this.jobs.resume(resume);
    if (resume.length > 0) this.logger.warn(`${resume.length} envoi(s) de rapport interrompu(s) repris (bail expiré).`);
    return { resumed: resume.length, abandoned };
  }
}
