import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ListQuery } from '../platform/http/list-query';
import type { ReportCoverage } from './report-period';
import { ReportSubscription } from './report-subscription.entity';
import type { Page } from '../platform/database/page';

export const SUBSCRIPTION_SORTABLE = ['name', 'createdAt', 'schedule', 'active'] as const;
export type SubscriptionSortField = (typeof SUBSCRIPTION_SORTABLE)[number];

export type SubscriptionFields = Pick<
  ReportSubscription,
  'name' | 'recipients' | 'orgUnits' | 'services' | 'indicators' | 'schedule' | 'periodCovered' | 'language' | 'formats' | 'documents' | 'active'
>;

/** A subscription as the fan-out sees it, across tenants: ids and schedule only. */
export interface DispatchCandidate {
  id: string;
  organisationId: string;
  schedule: string;
  periodCovered: ReportCoverage;
  since: Date;
}

/**
 * Queries of report subscriptions. Tenant reads and writes take the EntityManager of `TenantDb.run` (row-level
 * security); the fan-out's candidate list reads ids and schedules across tenants, as the migration owner.
 */
@Injectable()
export class ReportSubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(em: EntityManager, organisationId: string, id: string): Promise<ReportSubscription | null> {
    return em.findOne(ReportSubscription, { where: { organisationId, id } });
  }

  async list(em: EntityManager, organisationId: string, query: ListQuery<SubscriptionSortField>): Promise<Page<ReportSubscription>> {
    const qb = em.createQueryBuilder(ReportSubscription, 's').where('s.organisation_id = :organisationId', { organisationId });
    const q = query.filter.q;
    if (typeof q === 'string' && q.trim() !== '') qb.andWhere('s.name ILIKE :q', { q: `%${q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` });
    if (typeof query.filter.active === 'boolean') qb.andWhere('s.active = :active', { active: query.filter.active });
    const ids = query.filter.id;
    if (Array.isArray(ids) && ids.every((i): i is string => typeof i === 'string' && /^[0-9a-f-]{36}$/i.test(i)))
      qb.andWhere('s.id = ANY(:ids::uuid[])', { ids });
    const [rows, total] = await qb
      .orderBy(`s.${query.sort.field}`, query.sort.order)
      .addOrderBy('s.id', 'ASC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return { rows, total };
  }

  insert(em: EntityManager, organisationId: string, createdBy: string, fields: SubscriptionFields): Promise<ReportSubscription> {
    return em.save(ReportSubscription, em.create(ReportSubscription, { ...fields, organisationId, createdBy, lastDispatchedAt: null }));
  }

  save(em: EntityManager, subscription: ReportSubscription): Promise<ReportSubscription> {
    return em.save(ReportSubscription, subscription);
  }

  async delete(em: EntityManager, organisationId: string, id: string): Promise<void> {
    await em.delete(ReportSubscription, { organisationId, id });
  }

  /** Removes one recipient (case-insensitive); true when they were there. */
  async removeRecipient(em: EntityManager, organisationId: string, id: string, recipient: string): Promise<boolean> {
    const rows = (await em.query(
      `UPDATE report_subscription
          SET recipients = COALESCE((SELECT jsonb_agg(r) FROM jsonb_array_elements_text(recipients) r WHERE lower(r) <> lower($3)), '[]'::jsonb)
        WHERE organisation_id = $1 AND id = $2
          AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(recipients) r WHERE lower(r) = lower($3))
        RETURNING id`,
      [organisationId, id, recipient],
    )) as [unknown[], number];
    return rows[1] > 0;
  }

  /** Active subscriptions of every tenant, with the instant from which an occurrence counts as due. */
  async dispatchCandidates(): Promise<DispatchCandidate[]> {
    const rows: { id: string; organisation_id: string; schedule: string; period_covered: ReportCoverage; since: Date }[] = await this.dataSource.query(
      `SELECT id, organisation_id, schedule, period_covered, COALESCE(last_dispatched_at, created_at) AS since FROM report_subscription WHERE active ORDER BY id`,
    );
    return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, schedule: r.schedule, periodCovered: r.period_covered, since: new Date(r.since) }));
  }

  /**
   * Claims one cron occurrence for the fan-out: only the first dispatcher moves the high-water mark past it, so two
   * workers running the fan-out at once do not both dispatch. Returns the recipients, or null when already dispatched.
   */
  async claimOccurrence(em: EntityManager, organisationId: string, id: string, occurrence: Date): Promise<string[] | null> {
    const [rows] = (await em.query(
      `UPDATE report_subscription SET last_dispatched_at = $3
        WHERE organisation_id = $1 AND id = $2 AND active AND (last_dispatched_at IS NULL OR last_dispatched_at < $3)
        RETURNING recipients`,
      [organisationId, id, occurrence],
    )) as [{ recipients: string[] }[], number];
    return rows[0]?.recipients ?? null;
  }
}
