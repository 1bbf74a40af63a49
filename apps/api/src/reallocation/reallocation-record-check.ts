/*
 * The reallocation records' one-record engine check. Their writes go through the platform's AuditedTenantWriter with
 * `recompute: 'reallocation'` (platform/database/tenant-records.ts).
 */
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
