import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';

/** Org units, services and metrics of a tenant: read endpoints, and the repository the ingestion checks against. */
@Module({
  controllers: [CatalogueController],
  providers: [CatalogueRepository, CatalogueService],
  exports: [CatalogueRepository],
})
export class CatalogueModule {}
