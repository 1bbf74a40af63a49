import { Injectable } from '@nestjs/common';
import { AuditWriter } from '../audit/audit.writer';
import type { ListQuery } from '../platform/http/list-query';
import { TenantDb } from '../platform/database/tenant-db';
import type { AuthUser } from '../tenancy/auth-user';
import { DeliverySortField, DeliveryView, ReportDeliveryRepository } from './report-delivery.repository';
import { ReportSubscriptionRepository } from './report-subscription.repository';
import { UnsubscribeLinks } from './unsubscribe-links';

export type UnsubscribeOutcome = { kind: 'invalid' } | { kind: 'removed' | 'already'; subscriptionName: string | null; recipient: string };

/** The delivery log, and the signed unsubscribe link (no login: the signature is the authorisation). */
@Injectable()
export class ReportDeliveriesService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly deliveries: ReportDeliveryRepository,
    private readonly subscriptions: ReportSubscriptionRepository,
    private readonly audit: AuditWriter,
    private readonly links: UnsubscribeLinks,
  ) {}

  list(user: AuthUser, query: ListQuery<DeliverySortField>): Promise<{ rows: DeliveryView[]; total: number }> {
    return this.tenantDb.run(user.organisationId, (em) => this.deliveries.list(em, user.organisationId, query));
  }

  /** Removes the recipient of a genuine token from its subscription and cancels what was not sent yet. Idempotent. */
  async unsubscribe(token: string): Promise<UnsubscribeOutcome> {
    const claims = this.links.verify(token);
    if (claims === null) return { kind: 'invalid' };
    return this.tenantDb.run(claims.o, async (em) => {
      const subscription = await this.subscriptions.find(em, claims.o, claims.s);
      if (!subscription) return { kind: 'already', subscriptionName: null, recipient: claims.r };
      const removed = await this.subscriptions.removeRecipient(em, claims.o, claims.s, claims.r);
      await this.deliveries.cancelFor(em, claims.o, claims.s, claims.r);
      if (removed) {
        await this.audit.write(em, claims.o, [
          {
            actorId: null,
            action: 'report-subscription.unsubscribe',
            entity: 'report_subscription',
            entityId: claims.s,
            before: { recipient: claims.r },
            after: null,
            reason: 'Lien de désabonnement du rapport',
          },
        ]);
      }
      return { kind: removed ? 'removed' : 'already', subscriptionName: subscription.name, recipient: claims.r };
    });
  }
}
