import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { OrgUnit } from '../catalogue/org-unit.entity';
import type { FigureStatus } from './figure.entity';

/** Workflow state of one org unit's period: draft → submitted → approved (locked), reopened with a reason. */
@Entity('period_status')
@Index(['orgUnitId', 'period'], { unique: true })
export class PeriodStatus extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: FigureStatus;

  /** Methodology version in force when approved: its values are the "as reported" ones. */
  @Column({ type: 'uuid', nullable: true })
  approvedMethodologyVersionId: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  /** Who last submitted the period: under the four-eyes rule, someone else must approve it. */
  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
