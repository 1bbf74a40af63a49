import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../platform/database/tenant-owned.entity';
import { decimalTransformer } from '../platform/database/decimal.transformer';

export type IndicatorScenario = 'low' | 'central' | 'high';
/** `current`: under the method in force now; `reported`: frozen under the version the period was approved with. */
export type IndicatorBasis = 'current' | 'reported';

/**
 * Read model: the savings of one org unit (leaf, or any ancestor as the sum of its leaves) for one service (or all
 * services together, `serviceId` null) in one entry period, precomputed by the worker.
 * Money and event quantities are additive; ratios are recomputed from sums at read time, never stored.
 */
@Entity('indicator_value')
@Index(['orgUnitId', 'serviceId', 'period', 'scenario', 'basis'], { unique: true })
@Index(['organisationId', 'periodStart'])
export class IndicatorValue extends TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  /** null: all services of the unit together (a rollup row). */
  @Column({ type: 'uuid', nullable: true })
  serviceId: string | null;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'varchar', length: 8 })
  scenario: IndicatorScenario;

  @Column({ type: 'varchar', length: 8 })
  basis: IndicatorBasis;

  @Column({ type: 'uuid', nullable: true })
  methodologyVersionId: string | null;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  eventsNet: Decimal;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  grossSavings: Decimal;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  cost: Decimal;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  spend: Decimal;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  cashable: Decimal;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  nonCashable: Decimal;

  /** Payer code → present value (decimal strings). */
  @Column({ type: 'jsonb' })
  byPayer: Record<string, string>;

  /** Undiscounted yearly values k = 0 … n−1 (decimal strings), for payback over summed streams. */
  @Column({ type: 'jsonb' })
  stream: string[];

  /** Beneficiaries behind the value, for small-number masking (< 5). */
  @Column({ type: 'numeric', transformer: decimalTransformer, nullable: true })
  beneficiaries: Decimal | null;

  @Column({ type: 'timestamptz' })
  computedAt: Date;

  @Column({ type: 'timestamptz' })
  dataAsOf: Date;
}
