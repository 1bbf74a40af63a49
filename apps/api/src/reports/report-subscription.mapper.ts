import { CronExpressionParser } from 'cron-parser';
import type { ReportSubscription } from './report-subscription.entity';
import { REPORT_TIMEZONE } from './report-schedule';
import type { Integer } from '@levier/contracts';

export interface ReportSubscriptionResponse {
  id: string;
  name: string;
  recipients: string[];
  orgUnits: string[];
  services: string[];
  indicators: string[];
  schedule: string;
  /** month | quarter | year | year_to_date */
  periodCovered: string;
  timezone: string;
  language: string;
  formats: string[];
  /** Documents attached to each report: dossier-methodologique | fongibilite | prets-en-nature. */
  documents: string[];
  active: boolean;
  createdAt: string;
  lastDispatchedAt: string | null;
  /** Next occurrence of the schedule (Europe/Paris), ISO instant. */
  nextRunAt: string | null;
}

const nextRun = (schedule: string, now: Date): string | null => {
  try {
    return CronExpressionParser.parse(schedule, { tz: REPORT_TIMEZONE, currentDate: now }).next().toDate().toISOString();
  } catch {
    return null;
  }
};

export const toReportSubscriptionResponse = (s: ReportSubscription, now: Date = new Date()): ReportSubscriptionResponse => ({
  id: s.id,
  name: s.name,
  recipients: s.recipients,
  orgUnits: s.orgUnits,
  services: s.services,
  indicators: s.indicators,
  schedule: s.schedule,
  periodCovered: s.periodCovered,
  timezone: REPORT_TIMEZONE,
  language: s.language,
  formats: s.formats,
  documents: s.documents ?? [],
  active: s.active,
  createdAt: new Date(s.createdAt).toISOString(),
  lastDispatchedAt: s.lastDispatchedAt === null ? null : new Date(s.lastDispatchedAt).toISOString(),
  nextRunAt: s.active ? nextRun(s.schedule, now) : null,
});

/** `POST /api/report-subscriptions/:id/send` → 202. */
export interface ReportSendAcceptedResponse {
  subscriptionId: string;
  period: string;
  runKey: string;
  /** Deliveries enqueued (one per recipient; fewer when the same preview was already asked for this minute). */
  enqueued: Integer;
  recipients: Integer;
}

export const toReportSendAcceptedResponse = (r: ReportSendAcceptedResponse): ReportSendAcceptedResponse => ({
  subscriptionId: r.subscriptionId,
  period: r.period,
  runKey: r.runKey,
  enqueued: r.enqueued,
  recipients: r.recipients,
});
