import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { Service } from '../catalogue/service.entity';
import type { FundingShares } from './funding-plan';

/**
 * A service's funding plan for one year (« plan de financement »): who pays its spend, as payer code → share
 * (decimal strings summing to 1, conventions 2 §2.5). A service without a plan for a year is paid by the commune / CCAS.
 */
@Entity('service_funding')
@Index(['organisationId', 'serviceId', 'year'], { unique: true })
@Check('CHK_service_funding_year', '"year" BETWEEN 2000 AND 2100')
export class ServiceFunding extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: Relation<Service>;

  @Column({ type: 'integer' })
  year: number;

  /** Payer code → share (`{ "DEPARTEMENT": "0.55", "USAGER": "0.45" }`), normalised by `checkFundingShares`. */
  @Column({ type: 'jsonb' })
  shares: FundingShares;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
