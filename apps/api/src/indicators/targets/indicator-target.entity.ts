import Decimal from 'decimal.js';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TenantOwned } from '../../platform/database/tenant-owned.entity';
import { decimalTransformer } from '../../platform/database/decimal.transformer';
import { OrgUnit } from '../../catalogue/org-unit.entity';

/** A target and alert thresholds for an indicator (system or custom), an org unit and a year. */
@Entity('indicator_target')
@Index(['organisationId', 'indicator', 'orgUnitId', 'year'], { unique: true })
export class IndicatorTarget extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  indicator: string;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'numeric', transformer: decimalTransformer, nullable: true })
  target: Decimal | null;

  @Column({ type: 'numeric', transformer: decimalTransformer, nullable: true })
  alertBelow: Decimal | null;

  @Column({ type: 'numeric', transformer: decimalTransformer, nullable: true })
  alertAbove: Decimal | null;
}
