import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { decimalTransformer } from '../platform/database/decimal.transformer';

/** A staff member lent to another service or partner. `agentRef` is a pseudonym, never a name. */
@Entity('redeployment')
@Index(['organisationId', 'startDate'])
export class Redeployment extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  agentRef: string;

  @Column({ type: 'uuid', nullable: true })
  needId: string | null;

  @Column({ type: 'uuid', nullable: true })
  fromServiceId: string | null;

  @Column({ type: 'uuid', nullable: true })
  toServiceId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  toPartner: string | null;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  workingDays: Decimal;

  @Column({ type: 'numeric', transformer: decimalTransformer, default: '1' })
  quotite: Decimal;

  @Column({ type: 'date' })
  requestDate: string;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'boolean', default: false })
  volunteer: boolean;

  @Column({ type: 'numeric', transformer: decimalTransformer, nullable: true })
  dailyCost: Decimal | null;
}
