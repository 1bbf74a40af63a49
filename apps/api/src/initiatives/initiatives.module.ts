import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { InitiativeRepository } from './initiative.repository';
import { InitiativesController } from './initiatives.controller';
import { InitiativesService } from './initiatives.service';

/**
 * Agents' initiatives (PIFPP, « portage d’initiative frugale sans permission préalable », issue 18): an audited
 * register at `/api/initiatives` and its dashboard summary. Depends on no feature module but the audit log and the catalogue (the org-unit tree).
 */
@Module({
  imports: [AuditModule, CatalogueModule],
  controllers: [InitiativesController],
  providers: [InitiativeRepository, InitiativesService],
})
export class InitiativesModule {}
