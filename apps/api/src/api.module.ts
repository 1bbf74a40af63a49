import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ValidationPipe } from '@nestjs/common';
import { ConfigModule } from './platform/config/config.module';
import { DatabaseModule } from './platform/database/database.module';
import { DATABASE_ENTITIES } from './database-entities';
import { QueueModule } from './platform/queue/queue.module';
import { ProblemDetailsFilter } from './platform/http/problem-details.filter';
import { RejectNulBytesPipe } from './platform/http/nul-bytes';
import { HealthModule } from './health/health.module';
import { MailModule } from './platform/mail/mail.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { UsersModule } from './users/users.module';
import { FiguresModule } from './figures/figures.module';
import { MethodologyModule } from './methodology/methodology.module';
import { ReallocationModule } from './reallocation/reallocation.module';
import { ReportsModule } from './reports/reports.module';
import { FundingModule } from './funding/funding.module';
import { DocumentsModule } from './documents/documents.module';
import { SimulationsModule } from './simulations/simulations.module';
import { InitiativesModule } from './initiatives/initiatives.module';
import { OperationsModule } from './operations/operations.module';

/** The HTTP process: feature modules, controllers, and the global pipe and filter. No processors here. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot(DATABASE_ENTITIES),
    QueueModule,
    MailModule,
    TenancyModule,
    HealthModule,
    IndicatorsModule,
    UsersModule,
    FiguresModule,
    MethodologyModule,
    ReallocationModule,
    ReportsModule,
    FundingModule,
    SimulationsModule,
    InitiativesModule,
    DocumentsModule,
    OperationsModule,
  ],
  providers: [
    { provide: APP_PIPE, useClass: RejectNulBytesPipe },
    { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }) },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class ApiModule {}
