import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { DecimalColumn, UuidColumn, VarcharColumn } from '../platform/database/columns';

/** A staff member lent to another service or partner. `agentRef` is a pseudonym, never a name. */
@Entity('redeployment')
@Index(['organisationId', 'startDate'])
export class Redeployment extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @VarcharColumn(64)
  agentRef: string;

  @UuidColumn({ nullable: true })
  needId: string | null;

  @UuidColumn({ nullable: true })
  fromServiceId: string | null;

  @UuidColumn({ nullable: true })
  toServiceId: string | null;

  @VarcharColumn(200, { nullable: true })
  toPartner: string | null;

  @DecimalColumn()
  workingDays: Decimal;

  @DecimalColumn({ default: '1' })
  quotite: Decimal;

  @Column({ type: 'date' })
  requestDate: string;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'boolean', default: false })
  volunteer: boolean;

  @DecimalColumn({ nullable: true })
  dailyCost: Decimal | null;
}
