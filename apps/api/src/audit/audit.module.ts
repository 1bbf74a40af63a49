import { Module } from '@nestjs/common';
import { AuditedWritesModule } from '../platform/audit/audited-writes.module';
import { AuditLogController } from './audit-log.controller';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';
import { AuditPartitions } from './audit-partitions';

/**
 * The audit log: the read endpoint for admins and the yearly partitions kept ahead (API and worker). Its rows are
 * written through platform/audit (AuditedTenantWriter), re-exported here for the feature modules that import this one.
 */
@Module({
  imports: [AuditedWritesModule],
  controllers: [AuditLogController],
  providers: [AuditLogRepository, AuditLogService, AuditPartitions],
  exports: [AuditedWritesModule],
})
export class AuditModule {}
