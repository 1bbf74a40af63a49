import Decimal from 'decimal.js';
import { Check, Column, Entity, Index } from 'typeorm';
import { CodedRecord } from '../catalogue/coded-record.entity';

export const UNIT_COST_NATURES = ['estimate', 'regulated_tariff'] as const;
export type UnitCostNature = (typeof UNIT_COST_NATURES)[number];
import { decimalTransformer } from '../platform/database/decimal.transformer';

/** A unit cost of the library (an EHPAD day, an ASE placement day…), always with its published source. */
@Entity('unit_cost')
@Index(['organisationId', 'code'], { unique: true })
@Check(
  'CHK_unit_cost_range',
  `("amount_low" IS NULL AND "amount_high" IS NULL) OR ("amount_low" IS NOT NULL AND "amount_high" IS NOT NULL AND "amount_low" <= "amount" AND "amount" <= "amount_high")`,
)
@Check('CHK_unit_cost_nature', `"nature" IN ('estimate', 'regulated_tariff')`)
export class UnitCost extends CodedRecord {
  @Column({ type: 'varchar', length: 48 })
  unit: string;

  @Column({ type: 'numeric', transformer: decimalTransformer })
  amount: Decimal;

  /** Low bound where sources differ; set together with `amountHigh`, and low ≤ amount ≤ high (CHECK constraint). */
  @Column({ type: 'numeric', transformer: decimalTransformer, nullable: true })
  amountLow: Decimal | null;

  /** High bound where sources differ; set together with `amountLow`. */
  @Column({ type: 'numeric', transformer: decimalTransformer, nullable: true })
  amountHigh: Decimal | null;

  @Column({ type: 'integer' })
  priceYear: number;

  /** Payer code → share (decimal strings summing to 1). */
  @Column({ type: 'jsonb' })
  payers: Record<string, string>;

  @Column({ type: 'numeric', transformer: decimalTransformer, default: '1' })
  cashableShare: Decimal;

  @Column({ type: 'integer', nullable: true })
  grade: number | null;

  /** estimate: a published figure with an evidence grade; regulated_tariff: a price fixed by law (no evidence grade). */
  @Column({ type: 'varchar', length: 24, default: 'estimate' })
  nature: UnitCostNature;

  @Column({ type: 'varchar', length: 500 })
  sourceTitle: string;

  @Column({ type: 'varchar', length: 200 })
  sourcePublisher: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  sourceUrl: string | null;

  /** How the figure was read or derived, what its bounds are, caveats (old price year, relay page, validity). */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}
