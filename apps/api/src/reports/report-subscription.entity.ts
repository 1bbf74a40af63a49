import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import type { ReportCoverage } from './report-period';
import { UuidColumn, VarcharColumn, CreatedAtColumn, TimestampColumn } from '../platform/database/columns';

/** Who receives which indicators for which scope, on which schedule (cron, Europe/Paris). */
@Entity('report_subscription')
@Check(
  'CHK_report_subscription_documents',
  `jsonb_typeof("documents") = 'array' AND "documents" <@ '["dossier-methodologique", "fongibilite", "prets-en-nature"]'::jsonb`,
)
@Check('CHK_report_subscription_period_covered', `"period_covered" IN ('month', 'quarter', 'year', 'year_to_date')`)
export class ReportSubscription extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @VarcharColumn(200)
  name: string;

  @Column({ type: 'jsonb' })
  recipients: string[];

  @Column({ type: 'jsonb' })
  orgUnits: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  services: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  indicators: string[];

  @VarcharColumn(64, { default: '0 8 1 * *' })
  schedule: string;

  /** The period each report covers: the last complete month, quarter or year, or the year to date (report-period.ts). */
  @VarcharColumn(16, { default: 'month' })
  periodCovered: ReportCoverage;

  @VarcharColumn(2, { default: 'fr' })
  language: string;

  @Column({ type: 'jsonb', default: () => `'["pdf", "xlsx"]'` })
  formats: string[];

  /** Documents for the board attached to each report (`REPORT_DOCUMENTS`): none by default. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  documents: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @UuidColumn({ nullable: true })
  createdBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  /** The cron occurrence the fan-out last dispatched (due = an occurrence after it, up to now). */
  @TimestampColumn({ nullable: true })
  lastDispatchedAt: Date | null;
}
