import Decimal from 'decimal.js';
import { Check, Column, Entity, Index, Relation } from 'typeorm';
import { UnitRecord } from '../catalogue/unit-record.entity';
import { Service } from '../catalogue/service.entity';
import { Metric } from '../catalogue/metric.entity';
import type { InitiativeStatus } from './initiative-status';
import { DecimalColumn, UuidColumn, VarcharColumn, References } from '../platform/database/columns';

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
  @VarcharColumn(200)
  title: string;

  /** The team that carries it, in words (« équipe du portage, antenne nord »). */
  @VarcharColumn(200)
  team: string;

  @UuidColumn()
  serviceId: string;

  @References(() => Service, 'service_id', { onDelete: 'CASCADE' })
  service?: Relation<Service>;

  @Column({ type: 'date' })
  startDate: string;

  @VarcharColumn(16)
  status: InitiativeStatus;

  /** Agents' hours spent on it. */
  @DecimalColumn({ default: 0 })
  hours: Decimal;

  /** Money spent on it, in euros. */
  @DecimalColumn({ default: 0 })
  euros: Decimal;

  /** Items lent (rooms, vehicles, equipment), in words. */
  @Column({ type: 'text', nullable: true })
  itemsLent: string | null;

  /** What it gave, in words. */
  @Column({ type: 'text', nullable: true })
  results: string | null;

  /** The metric that shows its results, if any. */
  @UuidColumn({ nullable: true })
  metricId: string | null;

  @References(() => Metric, 'metric_id', { onDelete: 'SET NULL', nullable: true })
  metric?: Relation<Metric> | null;
}
