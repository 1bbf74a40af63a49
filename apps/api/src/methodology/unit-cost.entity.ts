import Decimal from 'decimal.js';
import { Check, Column, Entity, Index } from 'typeorm';
import { CodedRecord } from '../catalogue/coded-record.entity';
import { DecimalColumn, VarcharColumn } from '../platform/database/columns';

export const UNIT_COST_NATURES = ['estimate', 'regulated_tariff'] as const;
export type UnitCostNature = (typeof UNIT_COST_NATURES)[number];

/** A unit cost of the library (an EHPAD day, an ASE placement day…), always with its published source. */
@Entity('unit_cost')
@Index(['organisationId', 'code'], { unique: true })
@Check(
  'CHK_unit_cost_range',
  `("amount_low" IS NULL AND "amount_high" IS NULL) OR ("amount_low" IS NOT NULL AND "amount_high" IS NOT NULL AND "amount_low" <= "amount" AND "amount" <= "amount_high")`,
)
@Check('CHK_unit_cost_nature', `"nature" IN ('estimate', 'regulated_tariff')`)
export class UnitCost extends CodedRecord {
  @VarcharColumn(48)
  unit: string;

  @DecimalColumn()
  amount: Decimal;

  /** Low bound where sources differ; set together with `amountHigh`, and low ≤ amount ≤ high (CHECK constraint). */
  @DecimalColumn({ nullable: true })
  amountLow: Decimal | null;

  /** High bound where sources differ; set together with `amountLow`. */
  @DecimalColumn({ nullable: true })
  amountHigh: Decimal | null;

  @Column({ type: 'integer' })
  priceYear: number;

  /** Payer code → share (decimal strings summing to 1). */
  @Column({ type: 'jsonb' })
  payers: Record<string, string>;

  @DecimalColumn({ default: '1' })
  cashableShare: Decimal;

  @Column({ type: 'integer', nullable: true })
  grade: number | null;

  /** estimate: a published figure with an evidence grade; regulated_tariff: a price fixed by law (no evidence grade). */
  @VarcharColumn(24, { default: 'estimate' })
  nature: UnitCostNature;

  @VarcharColumn(500)
  sourceTitle: string;

  @VarcharColumn(200)
  sourcePublisher: string;

  @VarcharColumn(500, { nullable: true })
  sourceUrl: string | null;

  /** How the figure was read or derived, what its bounds are, caveats (old price year, relay page, validity). */
  @VarcharColumn(2000, { nullable: true })
  note: string | null;

  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}
