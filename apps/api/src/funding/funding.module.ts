import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ServiceFundingRepository } from './service-funding.repository';
import { ServiceFundingsController } from './service-fundings.controller';
import { ServiceFundingsService } from './service-fundings.service';

/**
 * Service funding plans per year (conventions 2 §2.5: who pays each service's spend), audited CRUD at
 * `/api/service-fundings`. Exports the repository whose `fundingByServiceYear` the indicators' recompute reads
 * (absent = `{ COMMUNE_CCAS: "1" }`); it depends on no other feature module but the audit log, so indicators may import it.
 */
@Module({
  imports: [AuditModule],
  controllers: [ServiceFundingsController],
  providers: [ServiceFundingRepository, ServiceFundingsService],
  exports: [ServiceFundingRepository],
})
export class FundingModule {}
