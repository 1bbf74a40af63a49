import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { decimalTransformer } from '../platform/database/decimal.transformer';

/** A staffing need expressed by a service (e.g. "renfort portage de repas, 60 jours ETP"). */
@Entity('staff_need')
@Index(['organisationId', 'code'], { unique: true })
export class StaffNeed extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'boolean', default: false })
  critical: boolean;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  fteDaysRequested: Decimal;

  @Column({ type: 'uuid', nullable: true })
  serviceId: string | null;

  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @Column({ type: 'date' })
  requestDate: string;
}
