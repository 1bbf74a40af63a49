import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { DecimalColumn, VarcharColumn } from '../platform/database/columns';

/** Annual average of a price index (default: INSEE CPI excluding tobacco), used to express constant euros. */
@Entity('price_index')
@Index(['organisationId', 'series', 'year'], { unique: true })
export class PriceIndex extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @VarcharColumn(64, { default: 'INSEE_IPC_HORS_TABAC' })
  series: string;

  @Column({ type: 'integer' })
  year: number;

  @DecimalColumn()
  value: Decimal;

  @VarcharColumn(64)
  base: string;

  @VarcharColumn(500, { nullable: true })
  source: string | null;
}
