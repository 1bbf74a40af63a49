/** Every migration, in order. Generate one with `npm run migration:generate -- Name`, review its SQL, list it here. */
import { CreateSchema1795673332455 } from './1795673332455-CreateSchema';
import { EnableRowLevelSecurity1795673400000 } from './1795673400000-EnableRowLevelSecurity';
import { AddPasswordReset1795673500000 } from './1795673500000-AddPasswordReset';
import { AllowRollupRowsInReadModel1795673600000 } from './1795673600000-AllowRollupRowsInReadModel';
import { AddReportScheduling1795674622864 } from './1795674622864-AddReportScheduling';
import { CreateCustomAndReallocationValues1795674100000 } from './1795674100000-CreateCustomAndReallocationValues';
import { PackScenariosInReadModel1795675200000 } from './1795675200000-PackScenariosInReadModel';
import { IndexFigureFreshness1795678577455 } from './1795678577455-IndexFigureFreshness';
import { LightenBulkWrites1795690000000 } from './1795690000000-LightenBulkWrites';
import { IndexReadModelPeriods1795691000000 } from './1795691000000-IndexReadModelPeriods';
import { CreateBudgetYears1795692000000 } from './1795692000000-CreateBudgetYears';
import { AddUnitCostRanges1795693000000 } from './1795693000000-AddUnitCostRanges';
import { CreateServiceFundings1795694000000 } from './1795694000000-CreateServiceFundings';
import { AddServiceNote1795696000000 } from './1795696000000-AddServiceNote';
import { ReadModelConventions21795695000000 } from './1795695000000-ReadModelConventions2';
import { CreateLoginThrottle1795699000000 } from './1795699000000-CreateLoginThrottle';
import { CreateSimulations1795697000000 } from './1795697000000-CreateSimulations';
import { AddImportPreviewAndFourEyes1795700000000 } from './1795700000000-AddImportPreviewAndFourEyes';
import { AddReportPeriodCovered1795699500000 } from './1795699500000-AddReportPeriodCovered';
import { AddUnitCostNature1795699600000 } from './1795699600000-AddUnitCostNature';
import { CreateInitiatives1795710000000 } from './1795710000000-CreateInitiatives';
import { MarkRegulatedTariffUnitCosts1795750000000 } from './1795750000000-MarkRegulatedTariffUnitCosts';
import { CreateServiceExpectedMetrics1795720000000 } from './1795720000000-CreateServiceExpectedMetrics';
import { AddReportSubscriptionDocuments1795760000000 } from './1795760000000-AddReportSubscriptionDocuments';
import { CreatePlatformOperators1795830000000 } from './1795830000000-CreatePlatformOperators';
import { HashAuditEntityIndex1795830000001 } from './1795830000001-HashAuditEntityIndex';
import { PartitionAuditLog1795830000002 } from './1795830000002-PartitionAuditLog';
import { FigureBatchAudit1795840000000 } from './1795840000000-FigureBatchAudit';
import { FigureReferencesByStatement1795840000001 } from './1795840000001-FigureReferencesByStatement';
import { LightenReadModel1795850000000 } from './1795850000000-LightenReadModel';
import { FigureCoverage1795860000000 } from './1795860000000-FigureCoverage';
import { PartitionFigure1795870000000 } from './1795870000000-PartitionFigure';
import { CustomIndicatorFreshness1795880000000 } from './1795880000000-CustomIndicatorFreshness';
import { FigureCoverageInKeyOrder1795890000000 } from './1795890000000-FigureCoverageInKeyOrder';
import { FigureWriterChecksItsInserts1795900000000 } from './1795900000000-FigureWriterChecksItsInserts';
import { DropFigureUpdatedAtIndex1795900000001 } from './1795900000001-DropFigureUpdatedAtIndex';
import { StoredSeriesReadByKey1795900000002 } from './1795900000002-StoredSeriesReadByKey';

export const MIGRATIONS = [
  CreateSchema1795673332455,
  EnableRowLevelSecurity1795673400000,
  AddPasswordReset1795673500000,
  AllowRollupRowsInReadModel1795673600000,
  CreateCustomAndReallocationValues1795674100000,
  AddReportScheduling1795674622864,
  PackScenariosInReadModel1795675200000,
  IndexFigureFreshness1795678577455,
  LightenBulkWrites1795690000000,
  IndexReadModelPeriods1795691000000,
  CreateBudgetYears1795692000000,
  AddUnitCostRanges1795693000000,
  CreateServiceFundings1795694000000,
  ReadModelConventions21795695000000,
  AddServiceNote1795696000000,
  CreateLoginThrottle1795699000000,
  CreateSimulations1795697000000,
  AddImportPreviewAndFourEyes1795700000000,
  AddReportPeriodCovered1795699500000,
  AddUnitCostNature1795699600000,
  CreateInitiatives1795710000000,
  CreateServiceExpectedMetrics1795720000000,
  MarkRegulatedTariffUnitCosts1795750000000,
  AddReportSubscriptionDocuments1795760000000,
  CreatePlatformOperators1795830000000,
  HashAuditEntityIndex1795830000001,
  PartitionAuditLog1795830000002,
  FigureBatchAudit1795840000000,
  FigureReferencesByStatement1795840000001,
  LightenReadModel1795850000000,
  FigureCoverage1795860000000,
  PartitionFigure1795870000000,
  CustomIndicatorFreshness1795880000000,
  FigureCoverageInKeyOrder1795890000000,
  FigureWriterChecksItsInserts1795900000000,
  DropFigureUpdatedAtIndex1795900000001,
  StoredSeriesReadByKey1795900000002,
];
