import Decimal from 'decimal.js';
import type { UnitCost } from './unit-cost.entity';
import type { ReferenceUnitCost } from './reference-unit-costs';

/** The fields of a stored unit cost for one entry of the reference library (decimals as {@link Decimal}). */
export const referenceUnitCostFields = (
  u: ReferenceUnitCost,
  organisationId: string,
): Omit<UnitCost, 'id' | 'organisation' | 'validFrom' | 'validTo'> & { validFrom: null; validTo: null } => ({
  organisationId,
  code: u.code,
  label: u.label,
  unit: u.unit,
  amount: new Decimal(u.amount),
  amountLow: u.amountLow === null ? null : new Decimal(u.amountLow),
  amountHigh: u.amountHigh === null ? null : new Decimal(u.amountHigh),
  priceYear: u.priceYear,
  payers: { ...u.payers },
  cashableShare: new Decimal(u.cashableShare),
  grade: u.grade,
  nature: u.nature ?? 'estimate',
  sourceTitle: u.sourceTitle,
  sourcePublisher: u.sourcePublisher,
  sourceUrl: u.sourceUrl,
  note: u.note,
  validFrom: null,
  validTo: null,
});
