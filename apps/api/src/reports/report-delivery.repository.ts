import { Injectable } from '@nestjs/common';
import { SqlWhere } from '../platform/database/sql-where';
import { DataSource, EntityManager } from 'typeorm';
import type { ListQuery } from '../platform/http/list-query';
import type { DeliveryStatus } from './report-delivery.entity';
import type { Page } from '../platform/database/page';

export const DELIVERY_SORTABLE = ['createdAt', 'sentAt', 'period', 'status', 'recipient', 'attempts'] as const;
export type DeliverySortField = (typeof DELIVERY_SORTABLE)[number];
const SORT_SQL: Record<DeliverySortField, string> = {
  createdAt: 'd.created_at',
  sentAt: 'd.sent_at',
  period: 'd.period',
  status: 'd.status',
  recipient: 'd.recipient',
  attempts: 'd.attempts',
};

/**
 * A worker that claimed a delivery and went silent this long loses it to the next attempt. Longer than any normal
 * send (compose, render, SMTP), so a live worker is never overtaken; longer too than the job's own retries (≈ 62 s),
 * which is why the scheduled fan-out re-enqueues rows whose lease has expired (see ReportDispatcher).
 */
export const CLAIM_LEASE_SECONDS = 300;

export interface DeliveryView {
  id: string;
  subscriptionId: string;
  subscriptionName: string | null;
  period: string;
  recipient: string;
  runKey: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface ClaimedDelivery {
  id: string;
  organisationId: string;
  subscriptionId: string;
  period: string;
  recipient: string;
  runKey: string;
  attempts: number;
}

export type ClaimOutcome = { kind: 'claimed'; delivery: ClaimedDelivery } | { kind: 'done'; status: DeliveryStatus } | { kind: 'busy' } | { kind: 'missing' };

const VIEW_COLUMNS = `d.id, d.subscription_id AS "subscriptionId", s.name AS "subscriptionName", d.period, d.recipient, d.run_key AS "runKey", d.status,
  d.attempts, d.last_error AS "lastError", d.message_id AS "messageId", d.created_at AS "createdAt", d.sent_at AS "sentAt"`;

/**
 * The delivery log and the idempotency of sending: one row per (subscription, period, recipient, run); a worker sends
 * only after claiming the row (`pending`/`failed`, or `sending` with an expired lease → `sending`).
 */
@Injectable()
export class ReportDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the rows that do not exist yet and returns every row of the run that still has to go out. */
  async ensure(
    em: EntityManager,
    organisationId: string,
    run: { subscriptionId: string; period: string; runKey: string; recipients: readonly string[] },
  ): Promise<string[]> {
    if (run.recipients.length === 0) return [];
    const rows: { id: string; status: DeliveryStatus }[] = await em.query(
      `INSERT INTO report_delivery (organisation_id, subscription_id, period, recipient, run_key)
       SELECT $1, $2, $3, r, $4 FROM unnest($5::varchar[]) r
       ON CONFLICT (subscription_id, period, recipient, run_key) DO UPDATE SET run_key = EXCLUDED.run_key
       RETURNING id, status`,
      [organisationId, run.subscriptionId, run.period, run.runKey, [...new Set(run.recipients.map((r) => r.toLowerCase()))]],
    );
    return rows.filter((r) => r.status === 'pending' || r.status === 'failed').map((r) => r.id);
  }

  /** The organisation of a delivery (across tenants: the job only carries the id). */
  async organisationOf(id: string): Promise<string | null> {
    const rows: { organisation_id: string }[] = await this.dataSource.query(`SELECT organisation_id FROM report_delivery WHERE id = $1`, [id]);
    return rows[0]?.organisation_id ?? null;
  }

  async claim(em: EntityManager, id: string): Promise<ClaimOutcome> {
    const [rows] = (await em.query(
      `UPDATE report_delivery SET status = 'sending', attempts = attempts + 1, claimed_at = now()
        WHERE id = $1 AND (status IN ('pending', 'failed') OR (status = 'sending' AND claimed_at < now() - make_interval(secs => $2)))
        RETURNING id, organisation_id AS "organisationId", subscription_id AS "subscriptionId", period, recipient, run_key AS "runKey", attempts`,
      [id, CLAIM_LEASE_SECONDS],
    )) as [ClaimedDelivery[], number];
    if (rows.length === 1) return { kind: 'claimed', delivery: rows[0] };
    const current: { status: DeliveryStatus }[] = await em.query(`SELECT status FROM report_delivery WHERE id = $1`, [id]);
    if (current.length === 0) return { kind: 'missing' };
    return current[0].status === 'sending' ? { kind: 'busy' } : { kind: 'done', status: current[0].status };
  }

  async markSent(em: EntityManager, id: string, messageId: string): Promise<void> {
    await em.query(`UPDATE report_delivery SET status = 'sent', message_id = $2, sent_at = now(), last_error = NULL WHERE id = $1 AND status = 'sending'`, [
      id,
      messageId,
    ]);
  }

  async markFinished(em: EntityManager, id: string, status: 'skipped' | 'unsubscribed', reason: string | null): Promise<void> {
    await em.query(`UPDATE report_delivery SET status = $2, last_error = $3 WHERE id = $1 AND status IN ('pending', 'failed', 'sending')`, [
      id,
      status,
      reason,
    ]);
  }

  async markFailed(em: EntityManager, id: string, error: string): Promise<void> {
    await em.query(`UPDATE report_delivery SET status = 'failed', last_error = $2 WHERE id = $1 AND status = 'sending'`, [id, error.slice(0, 1000)]);
  }

  /** Rows not sent yet for a recipient who just unsubscribed. */
  async cancelFor(em: EntityManager, organisationId: string, subscriptionId: string, recipient: string): Promise<void> {
    await em.query(
      `UPDATE report_delivery SET status = 'unsubscribed' WHERE organisation_id = $1 AND subscription_id = $2 AND lower(recipient) = lower($3) AND status IN ('pending', 'failed')`,
      [organisationId, subscriptionId, recipient],
    );
  }

  /**
   * Rows left `sending` past their lease, across tenants: a worker died after claiming them (possibly after the SMTP
   * server accepted the message, before the row said so), and their job may have run out of retries meanwhile.
   */
  async expiredClaims(limit: number): Promise<{ id: string; organisationId: string; attempts: number }[]> {
    return this.dataSource.query(
      `SELECT id, organisation_id AS "organisationId", attempts FROM report_delivery
        WHERE status = 'sending' AND claimed_at < now() - make_interval(secs => $1) ORDER BY claimed_at LIMIT $2`,
      [CLAIM_LEASE_SECONDS, limit],
    );
  }

  /** Ends a row whose claims kept expiring: `failed` with the reason, if it is still an expired `sending`. */
  async abandonExpiredClaim(em: EntityManager, id: string, reason: string): Promise<boolean> {
    const [, count] = (await em.query(
      `UPDATE report_delivery SET status = 'failed', last_error = $2
        WHERE id = $1 AND status = 'sending' AND claimed_at < now() - make_interval(secs => $3)`,
      [id, reason, CLAIM_LEASE_SECONDS],
    )) as [unknown, number];
    return count === 1;
  }

  /** Pending rows whose job may have been lost (Redis restarted between the commit and the enqueue), across tenants. */
  async stalePending(olderThanSeconds: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM report_delivery WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
    return rows.map((r) => r.id);
  }

  async list(em: EntityManager, organisationId: string, query: ListQuery<DeliverySortField>): Promise<Page<DeliveryView>> {
    const where = new SqlWhere('d.organisation_id = $1', organisationId);
    const { subscriptionId, status, period, recipient } = query.filter;
    if (typeof subscriptionId === 'string' && /^[0-9a-f-]{36}$/i.test(subscriptionId)) where.add('d.subscription_id = ?::uuid', subscriptionId);
    if (typeof status === 'string') where.add('d.status = ?', status);
    if (typeof period === 'string') where.add('d.period = ?', period);
    if (typeof recipient === 'string') where.add('lower(d.recipient) = lower(?)', recipient);
    const { params } = where;
    const from = `FROM report_delivery d LEFT JOIN report_subscription s ON s.id = d.subscription_id WHERE ${where.sql}`;
    // one after the other: both run on the transaction's one connection (pg refuses overlapping queries from pg 9)
    const rows = (await em.query(
      `SELECT ${VIEW_COLUMNS} ${from} ORDER BY ${SORT_SQL[query.sort.field]} ${query.sort.order} NULLS LAST, d.id LIMIT ${query.limit} OFFSET ${query.offset}`,
      params,
    )) as DeliveryView[];
    const count = (await em.query(`SELECT count(*)::int AS total ${from}`, params)) as { total: number }[];
    return { rows, total: count[0].total };
  }
}
