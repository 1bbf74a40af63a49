import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions, EntityList } from './data-source-options';
import { TenantDb } from './tenant-db';
import { PoolErrors } from './pool-errors';

const ENTITY_LIST = Symbol('ENTITY_LIST');

/**
 * TypeORM over PostgreSQL; the schema comes from migrations only. Imported as `DatabaseModule.forRoot(DATABASE_ENTITIES)`:
 * the entity classes are listed outside platform/ (apps/api/src/database-entities.ts), which imports no feature.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG, ENTITY_LIST],
      useFactory: (config: AppConfig, entities: EntityList) => ({
        ...dataSourceOptions(config.databaseUrl, { applicationName: 'levier', replicaUrls: config.databaseReplicaUrls }),
        entities,
        retryAttempts: 2,
        retryDelay: 500,
      }),
    }),
  ],
  providers: [TenantDb, PoolErrors],
  exports: [TenantDb],
})
export class DatabaseModule {
  static forRoot(entities: EntityList): DynamicModule {
    return { module: DatabaseModule, providers: [{ provide: ENTITY_LIST, useValue: entities }], exports: [ENTITY_LIST] };
  }
}
