import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDb } from '../platform/database/tenant-db';
import { RecomputeRequests } from '../platform/queue/recompute-requests';
import type { AuthUser } from '../tenancy/auth-user';
import { AuditWriter } from '../audit/audit.writer';
import { invalid } from '../platform/database/tenant-crud';
import { parseBlock } from './reallocation-input';

/** Engine key → API field, for error paths of one record checked alone. */
const FIELD: Record<string, string> = {
  agent: 'agentRef',
  need: 'need',
  'from.chapter': 'fromChapter',
  'from.function': 'fromFunction',
  'to.chapter': 'toChapter',
  'to.function': 'toFunction',
  date: 'decisionDate',
};

/** Checks one record with the engine (`reallocation.<list>[0]`), errors as `{ path: field, message }` → 422. */
export const assertRecordValid = (list: 'needs' | 'redeployments' | 'transfers' | 'inKindLoans', item: Record<string, unknown>): void => {
  const parsed = parseBlock({ [list]: [item] });
  if (parsed.ok) return;
  const prefix = `reallocation.${list}[0].`;
  const errors = parsed.errors.map((e) => {
    const key = e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path;
    return { path: FIELD[key] ?? key, message: e.message };
  });
  throw invalid('Enregistrement invalide : corrigez les champs signalés.', errors);
};

export interface RecordWrite<T> {
  value: T;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Every reallocation write: the change and its audit row in one tenant transaction, then a de-duplicated
 * `recompute-reallocation` job through {@link RecomputeRequests} (a queue outage is logged: the write stands).
 */
@Injectable()
export class ReallocationWriter {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly audit: AuditWriter,
    private readonly recompute: RecomputeRequests,
  ) {}

  async write<T>(user: AuthUser, entity: string, action: 'create' | 'update' | 'delete', work: (em: EntityManager) => Promise<RecordWrite<T>>): Promise<T> {
    const organisationId = user.organisationId;
    const value = await this.tenantDb.run(organisationId, async (em) => {
      const outcome = await work(em);
      await this.audit.write(em, organisationId, [
        { actorId: user.id, action: `${entity}.${action}`, entity, entityId: outcome.entityId, before: outcome.before, after: outcome.after },
      ]);
      return outcome.value;
    });
    await this.recompute.reallocation(organisationId);
    return value;
  }
}
