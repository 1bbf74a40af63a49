import { Decimal } from '@levier/indicators';

/** How a language writes a decimal number: the thousands separator and the decimal mark. */
export interface DecimalSeparators {
  group: string;
  decimal: string;
}

/** A decimal string → text with `decimals` places, half-up, grouped by thousands; `-0,00` is written `0,00`. No float. */
export const writeDecimal = (value: string, decimals: number, separators: DecimalSeparators): string => {
  const fixed = new Decimal(value).toFixed(decimals, Decimal.ROUND_HALF_UP);
  const text = /^-0(\.0+)?$/.test(fixed) ? fixed.slice(1) : fixed;
  const negative = text.startsWith('-');
  const [intPart, fracPart] = (negative ? text.slice(1) : text).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, separators.group);
  return `${negative ? '-' : ''}${grouped}${fracPart === undefined ? '' : `${separators.decimal}${fracPart}`}`;
};
