import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { DecimalColumn, VarcharColumn } from '../platform/database/columns';

export type MetricAggregation = 'sum' | 'average';

/** What is measured: `spend`, `person_months`, `beneficiaries`, `observed.<outcome>`, or a tenant's own. */
@Entity('metric')
@Index(['organisationId', 'code'], { unique: true })
export class Metric extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @VarcharColumn(96)
  code: string;

  @VarcharColumn(200)
  label: string;

  @VarcharColumn(32)
  unit: string;

  @VarcharColumn(8, { default: 'sum' })
  aggregation: MetricAggregation;

  @DecimalColumn({ nullable: true })
  minValue: Decimal | null;

  @DecimalColumn({ nullable: true })
  maxValue: Decimal | null;

  @Column({ type: 'boolean', default: false })
  integer: boolean;

  @Column({ type: 'boolean', default: false })
  system: boolean;
}
