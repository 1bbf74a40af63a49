import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { decimalTransformer } from '../platform/database/decimal.transformer';

export const TRANSFER_INSTRUMENTS = ['FONGIBILITE', 'DECISION_MODIFICATIVE', 'VIREMENT_INTERNE'] as const;
export type TransferInstrument = (typeof TRANSFER_INSTRUMENTS)[number];

/** Budget moved between chapters or functions (M57), by fongibilité, décision modificative or virement. */
@Entity('budget_transfer')
@Index(['organisationId', 'code'], { unique: true })
export class BudgetTransfer extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 24 })
  instrument: TransferInstrument;

  @Column({ type: 'varchar', length: 16, default: 'FONCTIONNEMENT' })
  section: string;

  @Column({ type: 'varchar', length: 8 })
  fromChapter: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  fromFunction: string | null;

  @Column({ type: 'varchar', length: 8 })
  toChapter: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  toFunction: string | null;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  amount: Decimal;

  @Column({ type: 'date' })
  decisionDate: string;
}
