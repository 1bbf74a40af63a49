import Decimal from 'decimal.js';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { decimalTransformer } from '../platform/database/decimal.transformer';

export const ORGANISATION_TYPES = ['CCAS', 'CIAS', 'COMMUNE', 'DEPARTEMENT', 'METROPOLE', 'AUTRE'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const BUDGET_FRAMEWORKS = ['M57', 'M14', 'M52', 'M22'] as const;
export type BudgetFramework = (typeof BUDGET_FRAMEWORKS)[number];

/** A tenant: a CCAS, a département, a métropole… */
@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  type: OrganisationType;

  @Column({ type: 'varchar', length: 9, nullable: true })
  siren: string | null;

  @Column({ type: 'varchar', length: 8, default: 'M57' })
  budgetFramework: BudgetFramework;

  /** Fongibilité des crédits voted by the assembly (≤ 7.5 %, article L.5217-10-6 CGCT). */
  @Column({ type: 'numeric', transformer: decimalTransformer, default: () => '0.075' })
  fongibiliteLimit: Decimal;

  @Column({ type: 'numeric', transformer: decimalTransformer, default: '228' })
  workingDaysPerFte: Decimal;

  /** Staff headcount, for the mobilisation rate. */
  @Column({ type: 'integer', nullable: true })
  headcount: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
