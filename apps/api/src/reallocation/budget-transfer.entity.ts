import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { DecimalColumn, VarcharColumn } from '../platform/database/columns';

export const TRANSFER_INSTRUMENTS = ['FONGIBILITE', 'DECISION_MODIFICATIVE', 'VIREMENT_INTERNE'] as const;
export type TransferInstrument = (typeof TRANSFER_INSTRUMENTS)[number];

/** Budget moved between chapters or functions (M57), by fongibilité, décision modificative or virement. */
@Entity('budget_transfer')
@Index(['organisationId', 'code'], { unique: true })
export class BudgetTransfer extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @VarcharColumn(64)
  code: string;

  @VarcharColumn(24)
  instrument: TransferInstrument;

  @VarcharColumn(16, { default: 'FONCTIONNEMENT' })
  section: string;

  @VarcharColumn(8)
  fromChapter: string;

  @VarcharColumn(8, { nullable: true })
  fromFunction: string | null;

  @VarcharColumn(8)
  toChapter: string;

  @VarcharColumn(8, { nullable: true })
  toFunction: string | null;

  @DecimalColumn()
  amount: Decimal;

  @Column({ type: 'date' })
  decisionDate: string;
}
