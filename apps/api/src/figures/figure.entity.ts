import Decimal from 'decimal.js';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Organisation } from '../tenancy/organisation.entity';
import { decimalTransformer } from '../platform/database/decimal.transformer';
import { OrgUnit } from '../catalogue/org-unit.entity';
import { Service } from '../catalogue/service.entity';
import { Metric } from '../catalogue/metric.entity';
import type { Role } from '../tenancy/role-assignment.entity';

export const FIGURE_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];
export const SUBMISSION_SOURCES = ['form', 'grid', 'import', 'api'] as const;
export type SubmissionSource = (typeof SUBMISSION_SOURCES)[number];
/** Roles that write figures of a unit (edit, import, submit/approve/reopen its periods), within the subtree they hold. */
export const FIGURE_WRITER_ROLES = ['finance', 'admin'] as const satisfies readonly Role[];

/**
 * One current value per (org unit, service, metric, period); its history lives in the audit log. The bulk table of
 * Levier: it carries its organisation like every tenant table, but without the single-column index of TenantOwned,
 * which (organisation_id, period) already serves, so each imported row maintains one index less; nor one on
 * (organisation_id, updated_at): the read model's « données au » comes from the recompute's own scan (migration
 * 1795900000001). Ids are UUIDv7 when
 * the writer creates them (time-ordered: appended to the primary key, not scattered through it). Its four references
 * (organisation, unit, service, metric) are checked once per statement, not by per-row foreign keys: triggers of
 * migration 1795840000001 (FigureWriter's inserts check them once per write instead, migration 1795900000000), same
 * errors (23503), RESTRICT and CASCADE, and the referenced rows must be of the figure's organisation. Partitioned by year of `period` (`figure_y2024` holds '2024', '2024-01' … '2024-Q4'): the primary key is
 * (id, period), partitions are created ahead from the periods written (figure-partitions.ts, called by FigureWriter).
 */
@Entity('figure')
@Index(['orgUnitId', 'serviceId', 'metricId', 'period'], { unique: true })
@Index(['organisationId', 'period'])
export class Figure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'service_id' })
  service?: Relation<Service>;

  @Column({ type: 'uuid' })
  metricId: string;

  @ManyToOne(() => Metric, { onDelete: 'RESTRICT', createForeignKeyConstraints: false })
  @JoinColumn({ name: 'metric_id' })
  metric?: Relation<Metric>;

  /**
   * `YYYY-MM`, `YYYY-Qn` or `YYYY`. Also the partition key (one partition `figure_y<YEAR>` per year, migration
   * 1795870000000), hence part of the primary key.
   */
  @Column({ type: 'varchar', length: 7, primary: true })
  period: string;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  value: Decimal;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: FigureStatus;

  @Column({ type: 'varchar', length: 8 })
  source: SubmissionSource;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment: string | null;

  @Column({ type: 'uuid', nullable: true })
  submissionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
