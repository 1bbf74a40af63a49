import Decimal from 'decimal.js';
import { Column, Entity, Index } from 'typeorm';
import { CodedRecord } from '../catalogue/coded-record.entity';
import { DecimalColumn, UuidColumn } from '../platform/database/columns';

/** A staffing need expressed by a service (e.g. "renfort portage de repas, 60 jours ETP"). */
@Entity('staff_need')
@Index(['organisationId', 'code'], { unique: true })
export class StaffNeed extends CodedRecord {
  @Column({ type: 'boolean', default: false })
  critical: boolean;

  @DecimalColumn()
  fteDaysRequested: Decimal;

  @UuidColumn({ nullable: true })
  serviceId: string | null;

  @UuidColumn({ nullable: true })
  orgUnitId: string | null;

  @Column({ type: 'date' })
  requestDate: string;
}
