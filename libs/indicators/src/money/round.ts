import { Decimal } from './decimal';

/** Half-up rounding (ties away from zero) to a fixed number of decimals, without a "-0.00". */
export const roundHalfUp = ({ value, decimals }: { value: Decimal; decimals: number }): string => {
  const text = value.toFixed(decimals, Decimal.ROUND_HALF_UP);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
};

/** Money: euros to the cent. */
export const formatMoney = (value: Decimal): string => roundHalfUp({ value, decimals: 2 });

/** Ratios, rates, shares, years, events and units: 6 decimals. */
export const formatRatio = (value: Decimal): string => roundHalfUp({ value, decimals: 6 });

export const formatMoneyOrNull = (value: Decimal | null): string | null => (value === null ? null : formatMoney(value));
export const formatRatioOrNull = (value: Decimal | null): string | null => (value === null ? null : formatRatio(value));

/** Counts and day counts: the exact decimal, without trailing zeros (`"3"`, `"2.5"`). */
export const formatExact = (value: Decimal): string => value.toFixed();
export const formatExactOrNull = (value: Decimal | null): string | null => (value === null ? null : formatExact(value));
