import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { TenantDb } from './tenant-db';
import { PoolErrors } from './pool-errors';

/** TypeORM over PostgreSQL; the schema comes from migrations only. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, { applicationName: 'levier' }),
        retryAttempts: 2,
        retryDelay: 500,
      }),
    }),
  ],
  providers: [TenantDb, PoolErrors],
  exports: [TenantDb],
})
export class DatabaseModule {}
