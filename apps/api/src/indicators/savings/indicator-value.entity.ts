import Decimal from 'decimal.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwned } from '../../platform/database/tenant-owned.entity';
import { decimalTransformer } from '../../platform/database/decimal.transformer';

export type IndicatorScenario = 'low' | 'central' | 'high';
/** `current`: under the method in force now; `reported`: frozen under the version the period was approved with. */
export type IndicatorBasis = 'current' | 'reported';

/**
 * Read model: the savings of one org unit (leaf, or any ancestor as the sum of its leaves) for one service (or all
 * services together, `serviceId` null) in one entry period, precomputed by the worker, the three range cases in one row.
 * Money and event quantities are additive; ratios are recomputed from sums at read time, never stored.
 *
 * Scenario-dependent columns are `numeric[]` vectors in SCENARIO_ORDER (central, low, high; `unit-responses.ts`):
 * `byPayer` holds 10 amounts per scenario in PAYER_ORDER (NULL = the payer has no share), `stream` n values per scenario.
 * They are read set-based by `IndicatorReadRepository` (summed in PostgreSQL, returned as text): the pg driver parses
 * `numeric[]` as binary floats, so they are never selected through this entity (`select: false`).
 */
@Entity('indicator_value')
@Index(['orgUnitId', 'serviceId', 'period', 'basis'], { unique: true })
@Index(['organisationId', 'periodStart'])
@Index(['organisationId', 'period'])
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
  basis: IndicatorBasis;

  @Column({ type: 'uuid', nullable: true })
  methodologyVersionId: string | null;

  /** Per scenario (central, low, high). */
  @Column({ type: 'numeric', array: true, select: false })
  eventsNet: string[];

  /** Per scenario (central, low, high). */
  @Column({ type: 'numeric', array: true, select: false })
  grossSavings: string[];

  /** Spend discounted by the convention (the same in every scenario). */
  @Column({ type: 'numeric', transformer: decimalTransformer })
  cost: Decimal;

  /** Spend of the period: as entered under conventions 1, in constant euros of the base year under conventions 2. */
  @Column({ type: 'numeric', transformer: decimalTransformer })
  spend: Decimal;

  /** Per scenario (central, low, high). */
  @Column({ type: 'numeric', array: true, select: false })
  cashable: string[];

  /** Per scenario (central, low, high). */
  @Column({ type: 'numeric', array: true, select: false })
  nonCashable: string[];

  /** 3 × 10 present values: scenario-major, payers in PAYER_ORDER, NULL where a payer has no share. */
  @Column({ type: 'numeric', array: true, select: false })
  byPayer: (string | null)[];

  /** 3 × n undiscounted yearly values k = 0 … n−1, scenario-major, for payback over summed streams. */
  @Column({ type: 'numeric', array: true, select: false })
  stream: string[];

  /** Conventions 2: the cost split by the services' funding plans, 10 amounts in PAYER_ORDER (NULL = no share); NULL under conventions 1. */
  @Column({ type: 'numeric', array: true, nullable: true, select: false })
  costByPayer: (string | null)[] | null;

  /** Conventions 2: avoided events per kind, `{ outcomeCode: [central, low, high] }`; NULL under conventions 1. */
  @Column({ type: 'jsonb', nullable: true, select: false })
  eventsByOutcome: Record<string, [string, string, string]> | null;

  /** The engine's conventions the row was computed under (1 or 2). */
  @Column({ type: 'smallint', default: 1 })
  conventions: number;

  /** Beneficiaries behind the value, for small-number masking (< 5). */
  @Column({ type: 'numeric', transformer: decimalTransformer, nullable: true })
  beneficiaries: Decimal | null;

  @Column({ type: 'timestamptz' })
  computedAt: Date;

  @Column({ type: 'timestamptz' })
  dataAsOf: Date;
}
