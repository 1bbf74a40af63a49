import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReallocationRepository } from './reallocation.repository';
import { BudgetTransfersService, InKindLoansService, RedeploymentsService, StaffNeedsService } from './reallocation-records.service';
import { StaffNeedsController } from './staff-needs.controller';
import { RedeploymentsController } from './redeployments.controller';
import { BudgetTransfersController } from './budget-transfers.controller';
import { InKindLoansController } from './in-kind-loans.controller';
import { BudgetYearsController } from './budget-years.controller';
import { BudgetYearsService } from './budget-years.service';

/**
 * Reallocation (docs/product-rules.md#domain-model, docs/methodology.md#the-savings-and-reallocation-methodology): redeployments, staff needs, budget transfers, in-kind loans, and the voted budget per year
 * (real expenditure, the base of the fongibilité rate); the records only: their indicators are
 * computed into `reallocation_value` and read at `GET /api/indicators/reallocation` by indicators/reallocation/.
 */
@Module({
  imports: [AuditModule],
  controllers: [StaffNeedsController, RedeploymentsController, BudgetTransfersController, InKindLoansController, BudgetYearsController],
  providers: [ReallocationRepository, StaffNeedsService, RedeploymentsService, BudgetTransfersService, InKindLoansService, BudgetYearsService],
  exports: [ReallocationRepository],
})
export class ReallocationModule {}
