import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import type { ListQuery } from '../platform/http/list-query';
import { TenantDb } from '../platform/database/tenant-db';
import type { AuthUser } from '../tenancy/auth-user';
import { visibleUnitIds } from '../tenancy/unit-scope';
import { CreateReportSubscriptionDto, UpdateReportSubscriptionDto } from './dto/report-subscription.dto';
import { DEFAULT_REPORT_LANGUAGE } from './report-content';
import { ReportDeliveryRepository } from './report-delivery.repository';
import { ReportJobs } from './report-jobs';
import { coveredPeriod, previewRunKey, ReportCoverage } from './report-period';
import { ScopePeriodsService } from '../indicators/savings/scope-periods.service';
import { ReportComposer } from './report-composer';
import { buildReportMessage } from './report-message';
import { DEFAULT_REPORT_SCHEDULE } from './report-schedule';
import type { ReportSubscription } from './report-subscription.entity';
import { ReportSubscriptionRepository, SubscriptionFields, SubscriptionSortField } from './report-subscription.repository';
import { ReportReadsRepository } from './report-reads.repository';
import type { Page } from '../platform/database/page';

const snapshot = (s: ReportSubscription): Record<string, unknown> => ({
  name: s.name,
  recipients: s.recipients,
  orgUnits: s.orgUnits,
  services: s.services,
  indicators: s.indicators,
  schedule: s.schedule,
  periodCovered: s.periodCovered,
  language: s.language,
  formats: s.formats,
  documents: s.documents,
  active: s.active,
});

const ENTITY = 'report_subscription';

/** Report subscriptions of the caller's organisation: CRUD within their units, audited, and "send a preview now". */
@Injectable()
export class ReportSubscriptionsService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly subscriptions: ReportSubscriptionRepository,
    private readonly deliveries: ReportDeliveryRepository,
    private readonly writer: AuditedTenantWriter,
    private readonly jobs: ReportJobs,
    private readonly periods: ScopePeriodsService,
    private readonly composer: ReportComposer,
    private readonly reads: ReportReadsRepository,
  ) {}

  create(user: AuthUser, dto: CreateReportSubscriptionDto): Promise<ReportSubscription> {
    return this.writer.write(user, { entity: ENTITY, action: 'report-subscription.create' }, async (em) => {
      await this.checkScope(em, user, dto.orgUnits, dto.services ?? []);
      const fields: SubscriptionFields = {
        name: dto.name.trim(),
        recipients: dto.recipients,
        orgUnits: dto.orgUnits,
        services: dto.services ?? [],
        indicators: dto.indicators ?? [],
        schedule: dto.schedule?.trim() ?? DEFAULT_REPORT_SCHEDULE,
        periodCovered: dto.periodCovered ?? 'month',
        language: dto.language ?? DEFAULT_REPORT_LANGUAGE,
        formats: dto.formats ?? ['pdf', 'xlsx'],
        documents: dto.documents ?? [],
        active: dto.active ?? true,
      };
      const saved = await this.subscriptions.insert(em, user.organisationId, user.id, fields);
      return { value: saved, entityId: saved.id, after: snapshot(saved) };
    });
  }

  list(user: AuthUser, query: ListQuery<SubscriptionSortField>): Promise<Page<ReportSubscription>> {
    return this.tenantDb.run(user.organisationId, (em) => this.subscriptions.list(em, user.organisationId, query));
  }

  get(user: AuthUser, id: string): Promise<ReportSubscription> {
    return this.tenantDb.run(user.organisationId, (em) => this.load(em, user, id));
  }

  update(user: AuthUser, id: string, dto: UpdateReportSubscriptionDto): Promise<ReportSubscription> {
    return this.writer.write(user, { entity: ENTITY, action: 'report-subscription.update' }, async (em) => {
      const current = await this.load(em, user, id);
      const before = snapshot(current);
      if (dto.orgUnits !== undefined || dto.services !== undefined)
        await this.checkScope(em, user, dto.orgUnits ?? current.orgUnits, dto.services ?? current.services);
      const next: ReportSubscription = Object.assign(current, {
        ...(dto.name !== undefined ? { name: dto.name.trim() } : {}),
        ...(dto.recipients !== undefined ? { recipients: dto.recipients } : {}),
        ...(dto.orgUnits !== undefined ? { orgUnits: dto.orgUnits } : {}),
        ...(dto.services !== undefined ? { services: dto.services } : {}),
        ...(dto.indicators !== undefined ? { indicators: dto.indicators } : {}),
        ...(dto.schedule !== undefined ? { schedule: dto.schedule.trim() } : {}),
        ...(dto.periodCovered !== undefined ? { periodCovered: dto.periodCovered } : {}),
        ...(dto.language !== undefined ? { language: dto.language } : {}),
        ...(dto.formats !== undefined ? { formats: dto.formats } : {}),
        ...(dto.documents !== undefined ? { documents: dto.documents } : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
      });
      const saved = await this.subscriptions.save(em, next);
      return { value: saved, entityId: id, before, after: snapshot(saved) };
    });
  }

  remove(user: AuthUser, id: string): Promise<void> {
    return this.writer.write(user, { entity: ENTITY, action: 'report-subscription.delete' }, async (em) => {
      const current = await this.load(em, user, id);
      await this.subscriptions.delete(em, user.organisationId, id);
      return { value: undefined, entityId: id, before: snapshot(current) };
    });
  }

  /**
   * "Send a preview now": one delivery per recipient under the run key `preview-<UTC minute>`, so a double click
   * within the minute sends once, a later click sends again, and the scheduled report of the period is untouched.
   */
  async sendNow(user: AuthUser, id: string, requested: string | undefined, now: Date = new Date()) {
    const runKey = previewRunKey(now);
    const result = await this.writer.write(user, { entity: ENTITY, action: 'report-subscription.send' }, async (em) => {
      const subscription = await this.load(em, user, id);
      const period = requested ?? (await this.defaultPeriod(em, user, subscription, now));
      const ids = await this.deliveries.ensure(em, user.organisationId, { subscriptionId: id, period, runKey, recipients: subscription.recipients });
      return {
        value: { subscriptionId: id, period, runKey, ids, recipients: subscription.recipients.length },
        entityId: id,
        after: { period, runKey, recipients: subscription.recipients.length },
      };
    });
    await this.jobs.send(result.ids);
    return { subscriptionId: result.subscriptionId, period: result.period, runKey, enqueued: result.ids.length, recipients: result.recipients };
  }

  /**
   * The period a report sent now covers: the subscription's choice, taken among complete periods of its first unit (every
   * expected service reported), so a month just begun is never reported; the calendar's last complete one when the
   * unit has no complete period yet (the report then says « pas de données », never 0 €).
   */
  private async defaultPeriod(em: EntityManager, user: AuthUser, subscription: ReportSubscription, now: Date): Promise<string> {
    const overview = await this.periods.read(em, user, subscription.orgUnits[0]);
    const complete: Record<ReportCoverage, string | null> = {
      month: overview.lastCompleteMonth,
      year_to_date: overview.lastCompleteMonth,
      quarter: overview.lastCompleteQuarter,
      year: overview.lastCompleteYear,
    };
    return complete[subscription.periodCovered] ?? coveredPeriod(subscription.periodCovered, now);
  }

  /**
   * The report as its e-mail would read, rendered under the caller's own rights (never a recipient's): subject and
   * HTML for the preview shown in the browser before sending; nothing is sent or logged.
   */
  async preview(user: AuthUser, id: string, requested: string | undefined, now: Date = new Date()): Promise<{ period: string; subject: string; html: string }> {
    const { subscription, period } = await this.tenantDb.run(user.organisationId, async (em) => {
      const found = await this.load(em, user, id);
      return { subscription: found, period: requested ?? (await this.defaultPeriod(em, user, found, now)) };
    });
    const content = await this.composer.compose(subscription, user.email, period, { preview: true, now });
    if (content === null) throw new NotFoundException('Aperçu impossible : aucune unité de l’abonnement n’est visible avec vos droits.');
    const message = await buildReportMessage(content, []);
    // charts are inline images (cid:) in the e-mail; in the browser they come as data: URIs
    const attachments = (message.attachments ?? []) as { cid?: string; content?: unknown }[];
    let html = message.html;
    for (const a of attachments) {
      if (a.cid && Buffer.isBuffer(a.content)) html = html.split(`cid:${a.cid}`).join(`data:image/png;base64,${a.content.toString('base64')}`);
    }
    return { period, subject: message.subject, html };
  }

  /** A subscription of the caller's organisation whose units the caller sees (else 404, like another tenant's). */
  private async load(em: EntityManager, user: AuthUser, id: string): Promise<ReportSubscription> {
    const subscription = await this.subscriptions.find(em, user.organisationId, id);
    if (!subscription) throw new NotFoundException('Abonnement introuvable.');
    if (!user.roles.some((r) => r.orgUnitId === null)) {
      const units = await this.reads.orgUnits(em, user.organisationId);
      const visible = visibleUnitIds(user, units);
      const codes = new Set(units.filter((u) => visible.has(u.id)).map((u) => u.code));
      if (!subscription.orgUnits.every((c) => codes.has(c))) throw new NotFoundException('Abonnement introuvable.');
    }
    return subscription;
  }

  /** Org units must be codes of the caller's organisation within their rights, services codes of the organisation: else 404. */
  private async checkScope(em: EntityManager, user: AuthUser, orgUnits: readonly string[], services: readonly string[]): Promise<void> {
    const units = await this.reads.orgUnits(em, user.organisationId);
    const visible = visibleUnitIds(user, units);
    for (const code of orgUnits) {
      const unit = units.find((u) => u.code === code);
      if (!unit || !visible.has(unit.id)) throw new NotFoundException(`Unité « ${code} » introuvable.`);
    }
    if (services.length > 0) {
      const known = await this.reads.knownServiceCodes(em, user.organisationId, services);
      const missing = services.find((s) => !known.has(s));
      if (missing !== undefined) throw new NotFoundException(`Service « ${missing} » introuvable.`);
    }
  }
}
