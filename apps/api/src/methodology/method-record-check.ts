import type { RecordAction, RecordCheck } from '../platform/database/tenant-records';
import type { MethodCheck, MethodFocus } from './method-check';

/**
 * The check of a method record's write (a unit cost, a price index, an assumption): the whole method must still compute
 * with the change, checked against what the write touched (`focus`), else a 422 and the write rolls back.
 */
export const methodStillComputes =
  <R>(method: MethodCheck, focus: (value: R, action: RecordAction) => MethodFocus): RecordCheck<R> =>
  (em, organisationId, value, action) =>
    method.assertValid(em, organisationId, focus(value, action));
