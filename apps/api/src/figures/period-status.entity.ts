import { Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { OrgUnit } from '../catalogue/org-unit.entity';
import type { FigureStatus } from './figure.entity';
import { UuidColumn, VarcharColumn, UpdatedAtColumn, References } from '../platform/database/columns';

/** Workflow state of one org unit's period: draft → submitted → approved (locked), reopened with a reason. */
@Entity('period_status')
@Index(['orgUnitId', 'period'], { unique: true })
export class PeriodStatus extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @UuidColumn()
  orgUnitId: string;

  @References(() => OrgUnit, 'org_unit_id', { onDelete: 'CASCADE' })
  orgUnit?: Relation<OrgUnit>;

  @VarcharColumn(7)
  period: string;

  @VarcharColumn(16, { default: 'draft' })
  status: FigureStatus;

  /** Methodology version in force when approved: its values are the "as reported" ones. */
  @UuidColumn({ nullable: true })
  approvedMethodologyVersionId: string | null;

  @VarcharColumn(1000, { nullable: true })
  reason: string | null;

  @UuidColumn({ nullable: true })
  updatedBy: string | null;

  /** Who last submitted the period: under the four-eyes rule, someone else must approve it. */
  @UuidColumn({ nullable: true })
  submittedBy: string | null;

  @UpdatedAtColumn()
  updatedAt: Date;
}
