import type { AuditLogRow } from './audit-log.repository';

export interface AuditLogResponse {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  submissionId: string | null;
  requestId: string | null;
}

export const toAuditLogResponse = (row: AuditLogRow): AuditLogResponse => ({
  id: row.id,
  at: new Date(row.at).toISOString(),
  actorId: row.actorId,
  actorEmail: row.actorEmail,
  actorName: row.actorName,
  action: row.action,
  entity: row.entity,
  entityId: row.entityId,
  before: row.before,
  after: row.after,
  reason: row.reason,
  submissionId: row.submissionId,
  requestId: row.requestId,
});
