import { Module } from '@nestjs/common';
import { AuditWriter } from './audit-writer';
import { AuditedTenantWriter } from './audited-tenant-writer';

/**
 * The audited write path: {@link AuditedTenantWriter} (tenant transaction, audit rows, recompute after the commit) and
 * the low-level {@link AuditWriter} it uses. TenantDb and RecomputeRequests come from the global database and queue modules.
 */
@Module({
  providers: [AuditWriter, AuditedTenantWriter],
  exports: [AuditWriter, AuditedTenantWriter],
})
export class AuditedWritesModule {}
