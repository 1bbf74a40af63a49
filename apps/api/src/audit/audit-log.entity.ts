import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';

/** Append-only record of every write: who, what, before, after, when, from where. */
@Entity('audit_log')
@Index(['organisationId', 'at'])
@Index(['entity', 'entityId'])
export class AuditLog extends TenantOwned {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 48 })
  action: string;

  @Column({ type: 'varchar', length: 48 })
  entity: string;

  @Column({ type: 'varchar', length: 64 })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  submissionId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
