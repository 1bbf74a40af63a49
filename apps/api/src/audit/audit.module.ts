import { Module } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';
import { AuditWriter } from './audit.writer';
import { AuditPartitions } from './audit-partitions';

/**
 * The audit log: the writer every audited change uses in its own transaction, the read endpoint for admins, and the
 * yearly partitions kept ahead (API and worker).
 */
@Module({
  controllers: [AuditLogController],
  providers: [AuditWriter, AuditLogRepository, AuditLogService, AuditPartitions],
  exports: [AuditWriter],
})
export class AuditModule {}
