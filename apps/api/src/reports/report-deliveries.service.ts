import { Injectable } from '@nestjs/common';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import type { ListQuery } from '../platform/http/list-query';
import { TenantDb } from '../platform/database/tenant-db';
import type { AuthUser } from '../tenancy/auth-user';
import { DeliverySortField, DeliveryView, ReportDeliveryRepository } from './report-delivery.repository';
import { asReportLanguage, DEFAULT_REPORT_LANGUAGE, ReportLanguage } from './report-content';
import { ReportSubscriptionRepository } from './report-subscription.repository';
import { UnsubscribeLinks } from './unsubscribe-links';
import type { Page } from '../platform/database/page';

/**
 * What a signed unsubscribe link leads to: `pending` (a GET: the recipient is still listed, nothing changed yet),
 * `removed` or `already` (after the POST, or when there is nothing left to do), `invalid` (tampered or truncated).
 */
export type UnsubscribeOutcome =
  { kind: 'invalid' } | { kind: 'pending' | 'removed' | 'already'; subscriptionName: string | null; recipient: string; language: ReportLanguage };

/** The delivery log, and the signed unsubscribe link (no login: the signature is the authorisation). */
@Injectable()
export class ReportDeliveriesService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly deliveries: ReportDeliveryRepository,
    private readonly subscriptions: ReportSubscriptionRepository,
    private readonly writer: AuditedTenantWriter,
    private readonly links: UnsubscribeLinks,
  ) {}

  list(user: AuthUser, query: ListQuery<DeliverySortField>): Promise<Page<DeliveryView>> {
    return this.tenantDb.run(user.organisationId, (em) => this.deliveries.list(em, user.organisationId, query));
  }

  /** Reads what a genuine token would unsubscribe, changing nothing: link scanners prefetch with GET. */
  async checkUnsubscribe(token: string): Promise<UnsubscribeOutcome> {
    const claims = this.links.verify(token);
    if (claims === null) return { kind: 'invalid' };
    return this.tenantDb.run(claims.o, async (em) => {
      const subscription = await this.subscriptions.find(em, claims.o, claims.s);
      if (!subscription) return { kind: 'already', subscriptionName: null, recipient: claims.r, language: DEFAULT_REPORT_LANGUAGE };
      const listed = subscription.recipients.some((r) => r.toLowerCase() === claims.r.toLowerCase());
      return {
        kind: listed ? 'pending' : 'already',
        subscriptionName: subscription.name,
        recipient: claims.r,
        language: asReportLanguage(subscription.language),
      };
    });
  }

  /** Removes the recipient of a genuine token from its subscription and cancels what was not sent yet. Idempotent. */
  async unsubscribe(token: string): Promise<UnsubscribeOutcome> {
    const claims = this.links.verify(token);
    if (claims === null) return { kind: 'invalid' };
    return this.writer.write(
      { id: null, organisationId: claims.o },
      { entity: 'report_subscription', action: 'report-subscription.unsubscribe' },
      async (em) => {
        const subscription = await this.subscriptions.find(em, claims.o, claims.s);
        if (!subscription) {
          const value: UnsubscribeOutcome = { kind: 'already', subscriptionName: null, recipient: claims.r, language: DEFAULT_REPORT_LANGUAGE };
          return { value, changes: [] };
        }
        const removed = await this.subscriptions.removeRecipient(em, claims.o, claims.s, claims.r);
        await this.deliveries.cancelFor(em, claims.o, claims.s, claims.r);
        const value: UnsubscribeOutcome = {
          kind: removed ? 'removed' : 'already',
          subscriptionName: subscription.name,
          recipient: claims.r,
          language: asReportLanguage(subscription.language),
        };
        return { value, changes: removed ? [{ entityId: claims.s, before: { recipient: claims.r }, after: null }] : [] };
      },
      { reason: 'Lien de désabonnement du rapport' },
    );
  }
}
