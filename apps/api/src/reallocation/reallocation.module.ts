import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReallocationRepository } from './reallocation.repository';
import { ReallocationWriter } from './reallocation.writer';
import { BudgetTransfersService, InKindLoansService, RedeploymentsService, StaffNeedsService } from './reallocation-records.service';
import { ReallocationRecomputeService } from '../indicators/reallocation/reallocation-recompute.service';
import { ReallocationReadService } from '../indicators/reallocation/reallocation-read.service';
import { StaffNeedsController } from './staff-needs.controller';
import { RedeploymentsController } from './redeployments.controller';
import { BudgetTransfersController } from './budget-transfers.controller';
import { InKindLoansController } from './in-kind-loans.controller';
import { BudgetYearsController } from './budget-years.controller';
import { BudgetYearsService } from './budget-years.service';
import { ReallocationController } from '../indicators/reallocation/reallocation.controller';

/**
 * Reallocation (docs/product-rules.md#domain-model, docs/methodology.md#the-savings-and-reallocation-methodology): redeployments, staff needs, budget transfers, in-kind loans, and the voted budget per year
 * (real expenditure, the base of the fongibilité rate); their indicators computed
 * by the engine into `reallocation_value` (the worker calls ReallocationRecomputeService) and read at
 * `GET /api/indicators/reallocation`.
 */
@Module({
  imports: [AuditModule],
  controllers: [StaffNeedsController, RedeploymentsController, BudgetTransfersController, InKindLoansController, BudgetYearsController, ReallocationController],
  providers: [
    ReallocationRepository,
    ReallocationWriter,
    StaffNeedsService,
    RedeploymentsService,
    BudgetTransfersService,
    InKindLoansService,
    BudgetYearsService,
    ReallocationRecomputeService,
    ReallocationReadService,
  ],
  exports: [ReallocationRecomputeService, ReallocationWriter, ReallocationRepository],
})
export class ReallocationModule {}
