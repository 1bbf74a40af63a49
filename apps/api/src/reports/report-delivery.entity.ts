import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { UuidColumn, VarcharColumn, CreatedAtColumn, TimestampColumn } from '../platform/database/columns';

/**
 * `pending` (created by the fan-out or a preview), `sending` (claimed by one worker, lease in `claimedAt`), `sent`,
 * `failed` (last attempt failed: retried with backoff), `unsubscribed` (the recipient left before it went out),
 * `skipped` (nothing the recipient may see: e.g. an account whose rights cover none of the scope).
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unsubscribed' | 'skipped';

/**
 * One email of one subscription for one period to one recipient and one run: the idempotency key of sending.
 * `runKey` is `schedule` for the scheduled report (one per period), `preview-<UTC minute>` for "send a preview now".
 */
@Entity('report_delivery')
@Index(['subscriptionId', 'period', 'recipient', 'runKey'], { unique: true })
@Index(['organisationId', 'createdAt'])
export class ReportDelivery extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @UuidColumn()
  subscriptionId: string;

  @VarcharColumn(32)
  period: string;

  @VarcharColumn(254)
  recipient: string;

  @VarcharColumn(40, { default: 'schedule' })
  runKey: string;

  @VarcharColumn(16, { default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @VarcharColumn(1000, { nullable: true })
  lastError: string | null;

  @VarcharColumn(255, { nullable: true })
  messageId: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  /** When a worker claimed it (`sending`): a claim older than the lease may be taken over. */
  @TimestampColumn({ nullable: true })
  claimedAt: Date | null;

  @TimestampColumn({ nullable: true })
  sentAt: Date | null;
}
