import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { DocumentsModule } from '../documents/documents.module';
import { RecipientRights } from './recipient-rights';
import { ReportComposer } from './report-composer';
import { ReportDeliveriesController } from './report-deliveries.controller';
import { ReportDeliveriesService } from './report-deliveries.service';
import { ReportDeliveryRepository } from './report-delivery.repository';
import { ReportDispatcher } from './report-dispatcher';
import { ReportJobs } from './report-jobs';
import { ReportSender } from './report-sender';
import { ReportSubscriptionRepository } from './report-subscription.repository';
import { ReportReadsRepository } from './report-reads.repository';
import { ReportSubscriptionsController } from './report-subscriptions.controller';
import { ReportSubscriptionsService } from './report-subscriptions.service';
import { UnsubscribeLinks } from './unsubscribe-links';

/**
 * Scheduled report emails (docs/product-rules.md#report-emails): subscriptions, delivery log, unsubscribe link, and the composing and sending that
 * the worker's processor calls. Reads indicators only through `IndicatorsService`, under each recipient's rights.
 */
@Module({
  imports: [IndicatorsModule, AuditModule, DocumentsModule],
  controllers: [ReportSubscriptionsController, ReportDeliveriesController],
  providers: [
    ReportSubscriptionRepository,
    ReportReadsRepository,
    ReportDeliveryRepository,
    ReportSubscriptionsService,
    ReportDeliveriesService,
    ReportJobs,
    ReportDispatcher,
    ReportSender,
    ReportComposer,
    RecipientRights,
    UnsubscribeLinks,
  ],
  exports: [ReportDispatcher, ReportSender],
})
export class ReportsModule {}
