import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import type { AuthUser } from '../tenancy/auth-user';
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
 * Every reallocation write: the platform's {@link AuditedTenantWriter} (the change and its audit row
 * `<entity>.<action>` in one tenant transaction) with a `reallocation` recompute after the commit. A thin shim kept
 * while the CRUD services move to the platform writer directly; new code calls AuditedTenantWriter with
 * `recompute: 'reallocation'`.
 */
@Injectable()
export class ReallocationWriter {
  constructor(private readonly writer: AuditedTenantWriter) {}

  write<T>(user: AuthUser, entity: string, action: 'create' | 'update' | 'delete', work: (em: EntityManager) => Promise<RecordWrite<T>>): Promise<T> {
    return this.writer.write(user, { entity, action: `${entity}.${action}` }, work, { recompute: 'reallocation' });
  }
}
