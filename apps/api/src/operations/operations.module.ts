import { Module } from '@nestjs/common';
import { BullBoardModule } from '@bull-board/nestjs';
import { ExpressAdapter } from '@bull-board/express';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { LiveSessionRepository } from '../tenancy/live-session.repository';
import { QUEUE_NAMES } from '../platform/queue/job-map';
import { OperationsController } from './operations.controller';
import { PlatformOperators } from './platform-operators';
import { QueueBoardGate } from './queue-board.gate';
import { QUEUE_BOARD_ROUTE } from './queue-board-access';

/** Who is an instance operator, read by the gate and the controller. */
@Module({ providers: [PlatformOperators, LiveSessionRepository, QueueBoardGate], exports: [PlatformOperators, QueueBoardGate] })
class OperatorAccessModule {}

/**
 * The operations view (issue 17, item 7): Bull Board at `/api/operations/queues`, every queue with its waiting,
 * active, delayed, failed and completed jobs, behind {@link QueueBoardGate} (instance operators only; retries only for
 * those allowed to retry). API process only: the worker serves no HTTP.
 */
@Module({
  imports: [
    OperatorAccessModule,
    BullBoardModule.forRootAsync({
      imports: [OperatorAccessModule],
      inject: [QueueBoardGate],
      useFactory: (gate: QueueBoardGate) => ({
        route: QUEUE_BOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: gate.middleware,
        boardOptions: { uiConfig: { boardTitle: 'Levier — files d’attente', locale: { lng: 'fr-FR' } } },
      }),
    }),
    ...QUEUE_NAMES.map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter, options: { allowRetries: true } })),
  ],
  controllers: [OperationsController],
})
export class OperationsModule {}
