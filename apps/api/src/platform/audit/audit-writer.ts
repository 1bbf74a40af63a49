import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
  submissionId?: string | null;
  requestId?: string | null;
}

const BATCH = 1000;

/**
 * Writes audit rows inside the caller's transaction (the EntityManager of `TenantDb.run`), so an audited change
 * and its audit row commit or roll back together. Multi-row inserts of at most {@link BATCH} rows.
 */
@Injectable()
export class AuditWriter {
  async write(em: EntityManager, organisationId: string, entries: readonly AuditEntry[]): Promise<void> {
    for (let start = 0; start < entries.length; start += BATCH) {
      const batch = entries.slice(start, start + BATCH);
      await em.query(
        `INSERT INTO audit_log (organisation_id, actor_id, action, entity, entity_id, before, after, reason, submission_id, request_id)
         SELECT $1, t.actor_id, t.action, t.entity, t.entity_id, t.before, t.after, t.reason, t.submission_id, t.request_id
           FROM unnest($2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::jsonb[], $7::jsonb[], $8::varchar[], $9::uuid[], $10::varchar[])
             AS t(actor_id, action, entity, entity_id, before, after, reason, submission_id, request_id)`,
        [
          organisationId,
          batch.map((e) => e.actorId),
          batch.map((e) => e.action),
          batch.map((e) => e.entity),
          batch.map((e) => e.entityId),
          batch.map((e) => (e.before == null ? null : JSON.stringify(e.before))),
          batch.map((e) => (e.after == null ? null : JSON.stringify(e.after))),
          batch.map((e) => e.reason ?? null),
          batch.map((e) => e.submissionId ?? null),
          batch.map((e) => e.requestId ?? null),
        ],
      );
    }
  }
}
