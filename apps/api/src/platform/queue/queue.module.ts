import { BullModule } from '@nestjs/bullmq';
import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { JobProducer } from './job-producer';
import { RecomputeRequests } from './recompute-requests';
import { QUEUE_NAMES } from './job-map';
import { bullConnection, closeBullClusters } from './redis-connection';

/**
 * BullMQ on ioredis: the three queues and the typed producer. Processors live in the worker only. Redis is one server
 * (REDIS_URL), a Sentinel group (REDIS_SENTINELS) or a Cluster (REDIS_CLUSTER_NODES, QUEUE_PREFIX hash-tagged).
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ connection: bullConnection(config), prefix: config.queuePrefix }),
    }),
    ...QUEUE_NAMES.map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [JobProducer, RecomputeRequests],
  exports: [JobProducer, RecomputeRequests, BullModule],
})
export class QueueModule implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    closeBullClusters();
  }
}
