import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { decimalTransformer } from '../platform/database/decimal.transformer';

/** Annual average of a price index (default: INSEE CPI excluding tobacco), used to express constant euros. */
@Entity('price_index')
@Index(['organisationId', 'series', 'year'], { unique: true })
export class PriceIndex extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, default: 'INSEE_IPC_HORS_TABAC' })
  series: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  value: Decimal;

  @Column({ type: 'varchar', length: 64 })
  base: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  source: string | null;
}
