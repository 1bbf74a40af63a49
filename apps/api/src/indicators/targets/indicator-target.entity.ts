import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TenantOwned } from '../../platform/database/tenant-owned.entity';
import { OrgUnit } from '../../catalogue/org-unit.entity';
import { DecimalColumn, UuidColumn, VarcharColumn, References } from '../../platform/database/columns';

/** A target and alert thresholds for an indicator (system or custom), an org unit and a year. */
@Entity('indicator_target')
@Index(['organisationId', 'indicator', 'orgUnitId', 'year'], { unique: true })
export class IndicatorTarget extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @VarcharColumn(64)
  indicator: string;

  @UuidColumn()
  orgUnitId: string;

  @References(() => OrgUnit, 'org_unit_id', { onDelete: 'CASCADE' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'integer' })
  year: number;

  @DecimalColumn({ nullable: true })
  target: Decimal | null;

  @DecimalColumn({ nullable: true })
  alertBelow: Decimal | null;

  @DecimalColumn({ nullable: true })
  alertAbove: Decimal | null;
}
