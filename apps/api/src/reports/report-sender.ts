import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import { TenantDb } from '../platform/database/tenant-db';
import { MailerService } from '../platform/mail/mailer.service';
import { ReportComposer } from './report-composer';
import { ReportDeliveryRepository } from './report-delivery.repository';
import { ReportFormat, REPORT_FORMATS } from './report-content';
import { buildReportMessage } from './report-message';
import { reportRange, SCHEDULE_RUN_KEY } from './report-period';
import { documentAttachments } from './report-attachments';
import { RecipientRights } from './recipient-rights';
import type { ReportSubscription } from './report-subscription.entity';
import { DocumentsService } from '../documents/documents.service';
import { ReportSubscriptionRepository } from './report-subscription.repository';

export type SendOutcome = 'sent' | 'already-sent' | 'skipped' | 'unsubscribed' | 'missing';

/**
 * The Message-ID of a delivery, the same at every attempt: if a worker dies after the SMTP server accepted a message
 * but before the row says so, the resend carries the same id, which mail servers and clients treat as one message.
 */
export const deliveryMessageId = (deliveryId: string, appUrl: string): string => `<report-${deliveryId}@${new URL(appUrl).hostname}>`;

/** A refusal the SMTP server gives for good (5xx: unknown mailbox, policy): the job is not retried. */
export class PermanentDeliveryError extends Error {}

/**
 * The reason kept on the delivery row, in French, for an SMTP refusal (nodemailer's `responseCode` and `response`):
 * 5xx is final, 4xx is retried until the job's last attempt. Anything else keeps its own message.
 */
export const deliveryFailureReason = (err: unknown, lastAttempt: boolean): { reason: string; permanent: boolean } => {
  const { responseCode, response, message } = err as { responseCode?: unknown; response?: unknown; message?: unknown };
  const server = typeof response === 'string' && response !== '' ? response : String(message ?? err);
  if (typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600) {
    return {
      reason: `Refusé définitivement par le serveur de messagerie (${server}) : vérifiez l’adresse du destinataire ; aucun nouvel essai.`,
      permanent: true,
    };
  }
  if (typeof responseCode === 'number' && responseCode >= 400 && responseCode < 500) {
    const next = lastAttempt ? 'dernier essai, envoi abandonné.' : 'nouvel essai automatique.';
    return { reason: `Refusé temporairement par le serveur de messagerie (${server}) : ${next}`, permanent: false };
  }
  return { reason: err instanceof Error ? err.message : String(err), permanent: false };
};

/**
 * The `send-report` job: claim the delivery row (so a retry or a second worker never sends twice), compose under the
 * recipient's rights, render, send through SMTP, record the message id. A failure is recorded on the row and thrown,
 * for BullMQ to retry with exponential backoff.
 */
@Injectable()
export class ReportSender {
  private readonly logger = new Logger(ReportSender.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly deliveries: ReportDeliveryRepository,
    private readonly subscriptions: ReportSubscriptionRepository,
    private readonly composer: ReportComposer,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rights: RecipientRights,
    private readonly documents: DocumentsService,
  ) {}

  /** The documents the subscription attaches, under the recipient's rights, for the report's range (issue 19). */
  private async documentsFor(subscription: ReportSubscription, delivery: { recipient: string; period: string }) {
    const organisationId = subscription.organisationId;
    const { user } = await this.tenantDb.run(organisationId, (em) => this.rights.resolve(em, organisationId, delivery.recipient, subscription.orgUnits));
    const { from, to } = reportRange(subscription.periodCovered ?? 'month', delivery.period);
    return documentAttachments(this.documents, user, {
      documents: subscription.documents,
      orgUnits: subscription.orgUnits,
      from,
      to,
      language: subscription.language === 'en' ? 'en' : 'fr',
    });
  }

  async deliver(deliveryId: string, now: Date = new Date(), options: { lastAttempt?: boolean } = {}): Promise<SendOutcome> {
    const organisationId = await this.deliveries.organisationOf(deliveryId);
    if (organisationId === null) return 'missing';
    const claim = await this.tenantDb.run(organisationId, (em) => this.deliveries.claim(em, deliveryId));
    if (claim.kind === 'missing') return 'missing';
    if (claim.kind === 'done') return claim.status === 'sent' ? 'already-sent' : claim.status === 'unsubscribed' ? 'unsubscribed' : 'skipped';
    if (claim.kind === 'busy') throw new Error('Envoi déjà en cours par un autre processus : nouvel essai plus tard.');
    const delivery = claim.delivery;
    try {
      const prepared = await this.tenantDb.run(organisationId, async (em) => {
        const subscription = await this.subscriptions.find(em, organisationId, delivery.subscriptionId);
        if (!subscription) return { kind: 'gone' as const };
        if (!subscription.recipients.some((r) => r.toLowerCase() === delivery.recipient.toLowerCase())) return { kind: 'unsubscribed' as const };
        return { kind: 'ready' as const, subscription };
      });
      if (prepared.kind !== 'ready') {
        const status = prepared.kind === 'unsubscribed' ? 'unsubscribed' : 'skipped';
        await this.tenantDb.run(organisationId, (em) =>
          this.deliveries.markFinished(em, deliveryId, status, prepared.kind === 'gone' ? 'Abonnement supprimé.' : null),
        );
        return status;
      }
      const content = await this.composer.compose(prepared.subscription, delivery.recipient, delivery.period, {
        preview: delivery.runKey !== SCHEDULE_RUN_KEY,
        now,
      });
      if (content === null) {
        await this.tenantDb.run(organisationId, (em) =>
          this.deliveries.markFinished(em, deliveryId, 'skipped', 'Aucune unité du périmètre n’est visible pour ce destinataire.'),
        );
        return 'skipped';
      }
      const formats = REPORT_FORMATS.filter((f): f is ReportFormat => prepared.subscription.formats.includes(f));
      const message = await buildReportMessage(content, formats);
      if (prepared.subscription.documents.length > 0)
        message.attachments = [...(message.attachments ?? []), ...(await this.documentsFor(prepared.subscription, delivery))];
      const { messageId } = await this.mailer.send({ ...message, to: delivery.recipient, messageId: deliveryMessageId(deliveryId, this.config.appUrl) });
      await this.tenantDb.run(organisationId, (em) => this.deliveries.markSent(em, deliveryId, messageId));
      return 'sent';
    } catch (err) {
      const { reason, permanent } = deliveryFailureReason(err, options.lastAttempt === true);
      this.logger.warn(`Envoi du rapport ${deliveryId} (essai ${delivery.attempts}) en échec : ${reason}`);
      await this.tenantDb.run(organisationId, (em) => this.deliveries.markFailed(em, deliveryId, reason));
      throw permanent ? new PermanentDeliveryError(reason) : err;
    }
  }
}
