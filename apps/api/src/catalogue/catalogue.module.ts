import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { OrgUnitRepository } from './org-unit.repository';

/** Org units, services and metrics of a tenant: read endpoints, the repository the ingestion checks against, the org-unit tree. */
@Module({
  controllers: [CatalogueController],
  providers: [CatalogueRepository, CatalogueService, OrgUnitRepository],
  exports: [CatalogueRepository, OrgUnitRepository],
})
export class CatalogueModule {}
