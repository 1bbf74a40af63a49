import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MethodCheck } from './method-check';
import { UnitCostsController } from './unit-costs.controller';
import { UnitCostsService } from './unit-costs.service';
import { PriceIndicesController } from './price-indices.controller';
import { PriceIndicesService } from './price-indices.service';
import { OutcomeAssumptionsController } from './outcome-assumptions.controller';
import { OutcomeAssumptionsService } from './outcome-assumptions.service';
import { MethodologyVersionsController } from './methodology-versions.controller';
import { MethodologyVersionsService } from './methodology-versions.service';
import { MethodologyInputs } from './methodology-inputs.service';

/**
 * The method (docs/product-rules.md#domain-model, docs/methodology.md#the-savings-and-reallocation-methodology): unit costs, price indices, outcome assumptions, methodology versions: reference data, served as
 * declared record types (platform/database/tenant-records.ts) checked by MethodCheck. Exports MethodologyInputs, what the read
 * model (indicators/) reads of the method.
 */
@Module({
  imports: [AuditModule],
  controllers: [UnitCostsController, PriceIndicesController, OutcomeAssumptionsController, MethodologyVersionsController],
  providers: [MethodCheck, MethodologyInputs, UnitCostsService, PriceIndicesService, OutcomeAssumptionsService, MethodologyVersionsService],
  exports: [MethodologyInputs],
})
export class MethodologyModule {}
