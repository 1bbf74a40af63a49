import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { decimalTransformer } from '../platform/database/decimal.transformer';

/** Mécénat public en nature: rooms, vehicles, equipment or staff time lent to a partner. */
@Entity('in_kind_loan')
@Index(['organisationId', 'code'], { unique: true })
export class InKindLoan extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  item: string;

  @Column({ type: 'varchar', length: 200 })
  toPartner: string;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  days: Decimal;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  quantity: Decimal;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  dailyValue: Decimal;

  @Column({ type: 'date' })
  startDate: string;
}
