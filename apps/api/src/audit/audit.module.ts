import { Module } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';
import { AuditWriter } from './audit.writer';

/** The audit log: the writer every audited change uses in its own transaction, and the read endpoint for admins. */
@Module({
  controllers: [AuditLogController],
  providers: [AuditWriter, AuditLogRepository, AuditLogService],
  exports: [AuditWriter],
})
export class AuditModule {}
