/**
 * Moved to platform/audit (the platform owns the audit_log write). Kept for the services still being converted to
 * {@link AuditedTenantWriter}; remove once nothing imports this path.
 */
export { AuditWriter } from '../platform/audit/audit-writer';
export type { AuditEntry } from '../platform/audit/audit-writer';
