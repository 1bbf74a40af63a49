import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { ReallocationModule } from '../reallocation/reallocation.module';
import { SimulationsController } from './simulations.controller';
import { SimulationsRepository } from './simulations.repository';
import { SimulationsService } from './simulations.service';
import { SimulationWarmup } from './simulation-warmup';

/**
 * The lever simulator (issue 18, « Investir dans les bons leviers »): `POST /api/simulations/preview` and saved
 * simulations at `/api/simulations`. Reads the scope's scenario through the indicators and the year's fongibilité
 * through the reallocation module; the computation is the engine's (`@levier/indicators` `simulate`).
 */
@Module({
  imports: [AuditModule, CatalogueModule, IndicatorsModule, ReallocationModule],
  controllers: [SimulationsController],
  providers: [SimulationsService, SimulationWarmup, SimulationsRepository],
  exports: [SimulationsService],
})
export class SimulationsModule {}
