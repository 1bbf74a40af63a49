import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';

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

  @Column({ type: 'uuid' })
  subscriptionId: string;

  @Column({ type: 'varchar', length: 32 })
  period: string;

  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 40, default: 'schedule' })
  runKey: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  messageId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When a worker claimed it (`sending`): a claim older than the lease may be taken over. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
