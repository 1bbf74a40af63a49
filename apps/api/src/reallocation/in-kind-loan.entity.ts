import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { DecimalColumn, VarcharColumn } from '../platform/database/columns';

/** Mécénat public en nature: rooms, vehicles, equipment or staff time lent to a partner. */
@Entity('in_kind_loan')
@Index(['organisationId', 'code'], { unique: true })
export class InKindLoan extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @VarcharColumn(64)
  code: string;

  @VarcharColumn(200)
  item: string;

  @VarcharColumn(200)
  toPartner: string;

  @DecimalColumn()
  days: Decimal;

  @DecimalColumn()
  quantity: Decimal;

  @DecimalColumn()
  dailyValue: Decimal;

  @Column({ type: 'date' })
  startDate: string;
}
