import type { DeliveryView } from './report-delivery.repository';
import { SCHEDULE_RUN_KEY } from './report-period';
import type { Integer } from '@levier/contracts';

export interface ReportDeliveryResponse {
  id: string;
  subscriptionId: string;
  subscriptionName: string | null;
  period: string;
  recipient: string;
  preview: boolean;
  runKey: string;
  status: string;
  attempts: Integer;
  lastError: string | null;
  messageId: string | null;
  createdAt: string;
  sentAt: string | null;
}

export const toReportDeliveryResponse = (d: DeliveryView): ReportDeliveryResponse => ({
  id: d.id,
  subscriptionId: d.subscriptionId,
  subscriptionName: d.subscriptionName,
  period: d.period,
  recipient: d.recipient,
  preview: d.runKey !== SCHEDULE_RUN_KEY,
  runKey: d.runKey,
  status: d.status,
  attempts: d.attempts,
  lastError: d.lastError,
  messageId: d.messageId,
  createdAt: new Date(d.createdAt).toISOString(),
  sentAt: d.sentAt === null ? null : new Date(d.sentAt).toISOString(),
});
