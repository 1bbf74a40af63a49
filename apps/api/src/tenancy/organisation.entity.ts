import Decimal from 'decimal.js';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, VarcharColumn, CreatedAtColumn } from '../platform/database/columns';

export const ORGANISATION_TYPES = ['CCAS', 'CIAS', 'COMMUNE', 'DEPARTEMENT', 'METROPOLE', 'AUTRE'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const BUDGET_FRAMEWORKS = ['M57', 'M14', 'M52', 'M22'] as const;
export type BudgetFramework = (typeof BUDGET_FRAMEWORKS)[number];

/** A tenant: a CCAS, a département, a métropole… */
@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @VarcharColumn(200)
  name: string;

  @VarcharColumn(16)
  type: OrganisationType;

  @VarcharColumn(9, { nullable: true })
  siren: string | null;

  @VarcharColumn(8, { default: 'M57' })
  budgetFramework: BudgetFramework;

  /** Fongibilité des crédits voted by the assembly (≤ 7.5 %, article L.5217-10-6 CGCT). */
  @DecimalColumn({ default: () => '0.075' })
  fongibiliteLimit: Decimal;

  @DecimalColumn({ default: '228' })
  workingDaysPerFte: Decimal;

  /** Staff headcount, for the mobilisation rate. */
  @Column({ type: 'integer', nullable: true })
  headcount: number | null;

  @CreatedAtColumn()
  createdAt: Date;
}
