import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { decimalTransformer } from '../platform/database/decimal.transformer';

export type MetricAggregation = 'sum' | 'average';

/** What is measured: `spend`, `person_months`, `beneficiaries`, `observed.<outcome>`, or a tenant's own. */
@Entity('metric')
@Index(['organisationId', 'code'], { unique: true })
export class Metric extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 96 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'varchar', length: 32 })
  unit: string;

  @Column({ type: 'varchar', length: 8, default: 'sum' })
  aggregation: MetricAggregation;

  @Column({ type: 'numeric', transformer: decimalTransformer, nullable: true })
  minValue: Decimal | null;

  @Column({ type: 'numeric', transformer: decimalTransformer, nullable: true })
  maxValue: Decimal | null;

  @Column({ type: 'boolean', default: false })
  integer: boolean;

  @Column({ type: 'boolean', default: false })
  system: boolean;
}
