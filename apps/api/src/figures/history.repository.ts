import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { figureAuditEntries } from '../audit/figure-audit';

/** One change of a figure: who, when, old → new, through which submission (file, grid, form, API), and why. */
export interface FigureChangeView {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  /** `null` when the change created the figure. */
  old: string | null;
  new: string | null;
  source: string | null;
  submissionId: string | null;
  fileName: string | null;
  /** The change's own reason, else the reason of the reopening of its period that it corrects. */
  reason: string | null;
}

/** One status change of a (unit, period): submitted, approved, reopened with its reason, by whom. */
export interface PeriodChangeView {
  id: string;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
}

/**
 * The audit log read for the product's screens (figure and period pages); rows are written by FigureWriter and PeriodsService.
 * A figure's changes are its own audit rows and, for its creation, its entry in a batch row (audit/figure-audit.ts).
 */
@Injectable()
export class HistoryRepository {
  /**
   * Newest first. A change made while its period was reopened (a reopen of its unit and period after which no approval
   * came before the change) carries the reopening's reason.
   */
  async figure(em: EntityManager, organisationId: string, figureId: string): Promise<FigureChangeView[]> {
    return (await em.query(
      `SELECT a.id, a.at, a.actor_id AS "actorId", u.display_name AS "actorName",
              a.before->>'value' AS old, a.after->>'value' AS new, a.after->>'source' AS source,
              a.submission_id AS "submissionId", s.file_name AS "fileName",
              COALESCE(a.reason, (
                SELECT r.reason FROM audit_log r
                 WHERE r.organisation_id = a.organisation_id AND r.entity = 'period_status' AND r.action = 'period.reopen'
                   AND r.entity_id = left((a.after->>'orgUnit') || '/' || (a.after->>'period'), 64) AND r.at <= a.at
                   AND NOT EXISTS (SELECT 1 FROM audit_log p
                                    WHERE p.organisation_id = a.organisation_id AND p.entity = 'period_status' AND p.action = 'period.approve'
                                      AND p.entity_id = r.entity_id AND p.at > r.at AND p.at <= a.at)
                 ORDER BY r.at DESC LIMIT 1)) AS reason
         FROM (${figureAuditEntries({ organisation: '$1', figureId: '$2::text', onlyFigures: true, withKeys: true })}) a
         LEFT JOIN app_user u ON u.id = a.actor_id
         LEFT JOIN submission s ON s.id = a.submission_id
        ORDER BY a.at DESC, a.seq DESC, a.ord DESC`,
      [organisationId, figureId.toLowerCase()],
    )) as FigureChangeView[];
  }

  async period(em: EntityManager, organisationId: string, orgUnitCode: string, period: string): Promise<PeriodChangeView[]> {
    return (await em.query(
      `SELECT a.id::text AS id, a.at, a.action, a.actor_id AS "actorId", u.display_name AS "actorName",
              a.before->>'status' AS before, a.after->>'status' AS after, a.reason
         FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
        WHERE a.organisation_id = $1 AND a.entity = 'period_status' AND a.entity_id = left($2 || '/' || $3, 64)
        ORDER BY a.at DESC, a.id DESC`,
      [organisationId, orgUnitCode, period],
    )) as PeriodChangeView[];
  }
}

export interface FigureChangeResponse {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  old: string | null;
  new: string | null;
  source: string | null;
  submissionId: string | null;
  fileName: string | null;
  reason: string | null;
}
export interface PeriodChangeResponse {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
}

export const toFigureChangeResponse = (c: FigureChangeView): FigureChangeResponse => ({ ...c, at: new Date(c.at).toISOString() });
export const toPeriodChangeResponse = (c: PeriodChangeView): PeriodChangeResponse => ({ ...c, at: new Date(c.at).toISOString() });
