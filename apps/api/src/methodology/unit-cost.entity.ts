import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { decimalTransformer } from '../platform/database/decimal.transformer';

/** A unit cost of the library (an EHPAD day, an ASE placement day…), always with its published source. */
@Entity('unit_cost')
@Index(['organisationId', 'code'], { unique: true })
export class UnitCost extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'varchar', length: 48 })
  unit: string;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  amount: Decimal;

  @Column({ type: 'integer' })
  priceYear: number;

  /** Payer code → share (decimal strings summing to 1). */
  @Column({ type: 'jsonb' })
  payers: Record<string, string>;

  @Column({ type: 'numeric', transformer: decimalTransformer, default: '1' })
  cashableShare: Decimal;

  @Column({ type: 'integer', nullable: true })
  grade: number | null;

  @Column({ type: 'varchar', length: 500 })
  sourceTitle: string;

  @Column({ type: 'varchar', length: 200 })
  sourcePublisher: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  sourceUrl: string | null;

  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}
