import { UnitCost } from './unit-cost.entity';
import type { Integer } from '@levier/contracts';

/**
 * What every reader of a unit cost takes from its row, decimals as strings: the API's answer, the engine's scenario
 * (its range: `amountLow` ≤ `amount` ≤ `amountHigh`, both bounds or neither), the method check and the dossier.
 */
export interface UnitCostValues {
  code: string;
  label: string;
  unit: string;
  amount: string;
  /** Low/high bounds of the amount where sources differ (both or neither). */
  amountLow: string | null;
  amountHigh: string | null;
  priceYear: Integer;
  payers: Record<string, string>;
  cashableShare: string;
}

type UnitCostRow = Pick<UnitCost, 'code' | 'label' | 'unit' | 'amount' | 'amountLow' | 'amountHigh' | 'priceYear' | 'payers' | 'cashableShare'>;

/** A unit cost row's values and range, decimals written out (`"146.23"`), a missing bound as null. */
export const unitCostValues = (u: UnitCostRow): UnitCostValues => ({
  code: u.code,
  label: u.label,
  unit: u.unit,
  amount: u.amount.toFixed(),
  amountLow: u.amountLow?.toFixed() ?? null,
  amountHigh: u.amountHigh?.toFixed() ?? null,
  priceYear: u.priceYear,
  payers: u.payers,
  cashableShare: u.cashableShare.toFixed(),
});

/** A unit cost as the engine's scenario takes it: its values and range, the source in one line (« publisher — title »). */
export const unitCostScenarioEntry = (u: UnitCostRow & Pick<UnitCost, 'sourcePublisher' | 'sourceTitle'>): UnitCostValues & { source: string } => ({
  ...unitCostValues(u),
  source: `${u.sourcePublisher} — ${u.sourceTitle}`,
});

export interface UnitCostResponse extends UnitCostValues {
  id: string;
  grade: Integer | null;
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
  ...unitCostValues(u),
  grade: u.grade,
  nature: u.nature,
  sourceTitle: u.sourceTitle,
  sourcePublisher: u.sourcePublisher,
  sourceUrl: u.sourceUrl,
  note: u.note ?? null,
  validFrom: u.validFrom,
  validTo: u.validTo,
});
