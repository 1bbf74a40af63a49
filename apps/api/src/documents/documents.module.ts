import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { FiguresModule } from '../figures/figures.module';
import { SimulationsModule } from '../simulations/simulations.module';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { DocumentThread } from './document-thread';
import { ChartExportService } from './chart-export.service';
import { ChartExportController, DocumentsController } from './documents.controller';

/**
 * Documents for the board and the assembly (issue 19): dossier méthodologique, fongibilité statement, in-kind annex,
 * dashboard chart exports. Reads indicators through `IndicatorsService` and completeness through `CompletenessService`,
 * always under the caller's rights.
 */
@Module({
  imports: [IndicatorsModule, FiguresModule, SimulationsModule],
  controllers: [DocumentsController, ChartExportController],
  providers: [DocumentsRepository, DocumentsService, ChartExportService, DocumentThread],
  exports: [DocumentsService],
})
export class DocumentsModule {}
