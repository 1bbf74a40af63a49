import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { DecimalColumn, VarcharColumn } from '../platform/database/columns';

/** Budget sections a yearly budget record may describe; only the operating section is entered for now. */
export const BUDGET_YEAR_SECTIONS = ['FONCTIONNEMENT'] as const;
export type BudgetYearSection = (typeof BUDGET_YEAR_SECTIONS)[number];

/**
 * The organisation's voted or realised budget of one year and section: its real expenditure
 * (dépenses réelles de fonctionnement) is the base of the fongibilité rate (article L.5217-10-6 CGCT).
 */
@Entity('budget_year')
@Index(['organisationId', 'year', 'section'], { unique: true })
export class BudgetYear extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  year: number;

  @VarcharColumn(16, { default: 'FONCTIONNEMENT' })
  section: BudgetYearSection;

  @DecimalColumn()
  realExpenditure: Decimal;

  @VarcharColumn(200, { nullable: true })
  source: string | null;

  @VarcharColumn(1000, { nullable: true })
  comment: string | null;
}
