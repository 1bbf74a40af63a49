import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';
import { AuditModule } from '../audit/audit.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';
import { SubmissionRepository } from './submission.repository';
import { SubmissionJobs } from './submission-jobs';
import { SubmissionReconciler } from './submission.reconciler';
import { FigureRepository } from './figure.repository';
import { FigureWriter } from './figure-writer';
import { FigureStatistics } from './figure-statistics';
import { FiguresController } from './figures.controller';
import { FiguresService } from './figures.service';
import { PeriodStatusRepository } from './period-status.repository';
import { PeriodsController } from './periods.controller';
import { PeriodsService } from './periods.service';
import { IngestionService } from './ingestion/ingestion.service';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';
import { CompletenessController } from './completeness/completeness.controller';
import { CompletenessService } from './completeness/completeness.service';
import { ApprovalSettingsController } from './approval/approval-settings.controller';
import { ApprovalSettingsService } from './approval/approval-settings.service';
import { ApprovalSettingsRepository } from './approval/approval-settings.repository';
import { HistoryRepository } from './history.repository';
import { ImportTemplateRepository } from './import-templates/import-template.repository';
import { ImportTemplatesController } from './import-templates/import-templates.controller';
import { ImportTemplatesService } from './import-templates/import-templates.service';
import { ExpectedMetricsController } from './expected-metrics/expected-metrics.controller';
import { ExpectedMetricsRepository } from './expected-metrics/expected-metrics.repository';
import { ExpectedMetricsService } from './expected-metrics/expected-metrics.service';
import { SubmissionFilesController } from './submission-files/submission-files.controller';
import { SubmissionTemplateService } from './submission-files/submission-template.service';
import { SubmissionInspectService } from './submission-files/submission-inspect.service';

/**
 * Ingestion (docs/product-rules.md#ingestion): submissions, figures, periods, completeness. Brings the catalogue and audit modules with it.
 * Its processor lives in FiguresWorkerModule, imported by the worker only.
 */
@Module({
  imports: [
    CatalogueModule,
    AuditModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10, parts: 12 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [
    SubmissionsController,
    FiguresController,
    PeriodsController,
    CompletenessController,
    ImportTemplatesController,
    ApprovalSettingsController,
    ExpectedMetricsController,
    SubmissionFilesController,
  ],
  providers: [
    SubmissionsService,
    SubmissionRepository,
    SubmissionJobs,
    SubmissionReconciler,
    FigureRepository,
    FigureWriter,
    FigureStatistics,
    FiguresService,
    PeriodStatusRepository,
    PeriodsService,
    IngestionService,
    UploadErrorsInterceptor,
    CompletenessService,
    ImportTemplateRepository,
    ImportTemplatesService,
    HistoryRepository,
    ApprovalSettingsService,
    ApprovalSettingsRepository,
    ExpectedMetricsRepository,
    ExpectedMetricsService,
    SubmissionTemplateService,
    SubmissionInspectService,
  ],
  exports: [IngestionService, SubmissionReconciler, CompletenessService],
})
export class FiguresModule {}
