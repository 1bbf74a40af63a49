/**
 * Form validators of a unit cost's optional range, the same rules as the API (apps/api/src/methodology/unit-cost-range.ts):
 * the low and high amounts come together or not at all, and amountLow ≤ amount ≤ amountHigh. Decimals are compared
 * exactly (decimal.js), never as floats; a value that is not a decimal is left to the decimal input’s own validator (FrenchDecimalInput).
 */
import Decimal from 'decimal.js';
import { isDecimalString } from '../format/decimal-format';

type Values = Record<string, unknown>;

const present = (value: unknown): boolean => value !== undefined && value !== null && String(value).trim() !== '';
const asDecimal = (value: unknown): Decimal | null => (present(value) && isDecimalString(String(value)) ? new Decimal(String(value).trim()) : null);

export const rangeLow = () => (value: unknown, values: Values | undefined) => {
  const all = values ?? {};
  if (present(value) !== present(all.amountHigh)) return present(value) ? undefined : 'levier.validation.range_pair';
  const low = asDecimal(value);
  const amount = asDecimal(all.amount);
  return low !== null && amount !== null && low.gt(amount) ? 'levier.validation.range_low' : undefined;
};

export const rangeHigh = () => (value: unknown, values: Values | undefined) => {
  const all = values ?? {};
  if (present(value) !== present(all.amountLow)) return present(value) ? undefined : 'levier.validation.range_pair';
  const high = asDecimal(value);
  const amount = asDecimal(all.amount);
  return high !== null && amount !== null && high.lt(amount) ? 'levier.validation.range_high' : undefined;
};
