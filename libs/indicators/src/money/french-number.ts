import Decimal from 'decimal.js';
import { roundHalfUp } from './round';

/** No-break space U+00A0: groups thousands and separates a unit; survives PDF WinAnsi fonts (U+202F does not). */
export const NBSP = '\u00A0';
/** Narrow no-break space U+202F: the thousands separator of French typography, on screens and terminals. */
export const NARROW_NBSP = '\u202F';

export interface FrenchNumberOptions {
  /** Places after the comma, rounded half-up (a negative that rounds to zero loses its sign). Absent: every digit as given, no rounding. */
  decimals?: number;
  /** Thousands separator: U+00A0 by default, `''` for none. */
  group?: string;
}

/**
 * The one French writing of a number in Levier: decimal comma, thousands grouped. `1234567.891` with 2 decimals →
 * `1 234 567,89`; `-12450.50` as given → `-12 450,50`. A string is read as the decimal it writes (its digits kept when
 * no rounding is asked); never a float.
 */
export const writeFrenchNumber = (value: Decimal | string, { decimals, group = NBSP }: FrenchNumberOptions = {}): string => {
  const text = decimals === undefined ? (typeof value === 'string' ? value : value.toFixed()) : roundHalfUp({ value: new Decimal(value), decimals });
  const negative = text.startsWith('-');
  const [integer, fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
};
