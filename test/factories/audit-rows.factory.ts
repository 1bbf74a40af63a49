import { DataSource } from 'typeorm';

/** An audit row as the CRUD suites read it back. */
export interface AuditRow {
  action: string;
  actor_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The audit rows of one record (`entity` = the audit name, `service_funding`), oldest first. */
export const auditRowsOf = async (ds: DataSource, entity: string, entityId: string): Promise<AuditRow[]> =>
  ds.query(`SELECT action, actor_id, before, after FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id`, [entity, entityId]);
