import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { Service } from '../catalogue/service.entity';
import type { FundingShares } from './funding-plan';
import { UuidColumn, CreatedAtColumn, UpdatedAtColumn, References } from '../platform/database/columns';

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

  @UuidColumn()
  serviceId: string;

  @References(() => Service, 'service_id', { onDelete: 'CASCADE' })
  service?: Relation<Service>;

  @Column({ type: 'integer' })
  year: number;

  /** Payer code → share (`{ "DEPARTEMENT": "0.55", "USAGER": "0.45" }`), normalised by `checkFundingShares`. */
  @Column({ type: 'jsonb' })
  shares: FundingShares;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
