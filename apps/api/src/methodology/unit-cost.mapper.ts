import { UnitCost } from './unit-cost.entity';

export interface UnitCostResponse {
  id: string;
  code: string;
  label: string;
  unit: string;
  amount: string;
  /** Low/high bounds of the amount where sources differ (both or neither). */
  amountLow: string | null;
  amountHigh: string | null;
  priceYear: number;
  payers: Record<string, string>;
  cashableShare: string;
  grade: number | null;
  /** estimate | regulated_tariff */
  nature: string;
  sourceTitle: string;
  sourcePublisher: string;
  sourceUrl: string | null;
  note: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export const toUnitCostResponse = (u: UnitCost): UnitCostResponse => ({
  id: u.id,
  code: u.code,
  label: u.label,
  unit: u.unit,
  amount: u.amount.toFixed(),
  amountLow: u.amountLow?.toFixed() ?? null,
  amountHigh: u.amountHigh?.toFixed() ?? null,
  priceYear: u.priceYear,
  payers: u.payers,
  cashableShare: u.cashableShare.toFixed(),
  grade: u.grade,
  nature: u.nature,
  sourceTitle: u.sourceTitle,
  sourcePublisher: u.sourcePublisher,
  sourceUrl: u.sourceUrl,
  note: u.note ?? null,
  validFrom: u.validFrom,
  validTo: u.validTo,
});
