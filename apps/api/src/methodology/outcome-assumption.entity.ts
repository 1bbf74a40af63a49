import { Column, Entity, Index, Relation } from 'typeorm';
import { CodedRecord } from '../catalogue/coded-record.entity';
import { Service } from '../catalogue/service.entity';
import { UuidColumn, References } from '../platform/database/columns';

/**
 * One kind of avoided event for a service, with the parameters of the `levier-scenario/1` outcome
 * (mode, rates, engagement, deadweight, attribution, displacement, quantity, unit cost or mix, grade,
 * duration, drop-off; decimals as strings, optionally low/central/high triples).
 */
@Entity('outcome_assumption')
@Index(['serviceId', 'code'], { unique: true })
export class OutcomeAssumption extends CodedRecord {
  @UuidColumn()
  serviceId: string;

  @References(() => Service, 'service_id', { onDelete: 'CASCADE' })
  service?: Relation<Service>;

  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  @Column({ type: 'text' })
  justification: string;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;
}
