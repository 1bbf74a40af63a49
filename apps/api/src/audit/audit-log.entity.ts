import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UuidColumn, VarcharColumn } from '../platform/database/columns';

/**
 * Append-only record of every write: who, what, before, after, when, from where. Scoped by organisation (row-level
 * security, and (organisation_id, at) for reading), but without a foreign key: a log outlives what it records, and an
 * import writes one row per figure, so each row's referential check (and the row lock it takes on the organisation)
 * was a third of the audit's cost. Partitioned by year of `at` (`audit_log_y<YEAR>`, created ahead by
 * AuditPartitions, detachable with `levier audit:detach`).
 */
@Entity('audit_log')
@Index(['organisationId', 'at'])
/** A hash index on entity_id (equality lookups only), which TypeORM cannot declare: written by migration 1795830000001. */
@Index('IDX_audit_log_entity_id', { synchronize: false })
/** Figure creations' batch rows by id range (partial, expressions in the "C" collation): migration 1795840000000. */
@Index('IDX_audit_log_figure_batch', { synchronize: false })
export class AuditLog {
  @UuidColumn()
  organisationId: string;

  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** Also the partition key (one partition per year, migration 1795830000002), hence part of the primary key. */
  @CreateDateColumn({ type: 'timestamptz', primary: true })
  at: Date;

  @UuidColumn({ nullable: true })
  actorId: string | null;

  @VarcharColumn(48)
  action: string;

  @VarcharColumn(48)
  entity: string;

  @VarcharColumn(64)
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @VarcharColumn(1000, { nullable: true })
  reason: string | null;

  @UuidColumn({ nullable: true })
  submissionId: string | null;

  @VarcharColumn(64, { nullable: true })
  requestId: string | null;
}
