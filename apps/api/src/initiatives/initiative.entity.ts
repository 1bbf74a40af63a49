import Decimal from 'decimal.js';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { UnitRecord } from '../catalogue/unit-record.entity';
import { decimalTransformer } from '../platform/database/decimal.transformer';
import { Service } from '../catalogue/service.entity';
import { Metric } from '../catalogue/metric.entity';
import type { InitiativeStatus } from './initiative-status';

/**
 * An agents' initiative (PIFPP, issue 18): something a team started without prior permission, in one of its
 * services, with the resources it used (hours, euros, items lent), its results in words and optionally the metric
 * that shows them. Scoped like the rest: the organisation, then the subtree of the reader's roles (its org unit).
 */
@Entity('initiative')
@Index(['organisationId', 'orgUnitId'])
@Check('CHK_initiative_status', `"status" IN ('idea', 'testing', 'adopted', 'abandoned')`)
@Check('CHK_initiative_resources', `"hours" >= 0 AND "euros" >= 0`)
export class Initiative extends UnitRecord {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The team that carries it, in words (« équipe du portage, antenne nord »). */
  @Column({ type: 'varchar', length: 200 })
  team: string;

  @Column({ type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: Relation<Service>;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'varchar', length: 16 })
  status: InitiativeStatus;

  /** Agents' hours spent on it. */
  @Column({ type: 'numeric', transformer: decimalTransformer, default: 0 })
  hours: Decimal;

  /** Money spent on it, in euros. */
  @Column({ type: 'numeric', transformer: decimalTransformer, default: 0 })
  euros: Decimal;

  /** Items lent (rooms, vehicles, equipment), in words. */
  @Column({ type: 'text', nullable: true })
  itemsLent: string | null;

  /** What it gave, in words. */
  @Column({ type: 'text', nullable: true })
  results: string | null;

  /** The metric that shows its results, if any. */
  @Column({ type: 'uuid', nullable: true })
  metricId: string | null;

  @ManyToOne(() => Metric, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'metric_id' })
  metric?: Relation<Metric> | null;
}
