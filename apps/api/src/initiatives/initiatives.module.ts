import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { InitiativeRepository } from './initiative.repository';
import { InitiativesController } from './initiatives.controller';
import { InitiativesService } from './initiatives.service';

/**
 * Agents' initiatives (PIFPP, « portage d’initiative frugale sans permission préalable », issue 18): an audited
 * register at `/api/initiatives` and its dashboard summary. Depends on no feature module but the audit log.
 */
@Module({
  imports: [AuditModule],
  controllers: [InitiativesController],
  providers: [InitiativeRepository, InitiativesService],
})
export class InitiativesModule {}
