/**
 * The decimal inputs of the admin in French: a finance director types « 22,50 », « 1 234,56 » or « -3,5 »; the API
 * reads and writes decimal strings with a dot (« 1234.56 »). Text handling only, never a float: every digit typed is
 * kept, none computed (docs/product-rules.md#periods-numbers-money).
 */
import { writeFrenchNumber } from '@levier/indicators';

/** Spaces that may group thousands: a space, a no-break space (U+00A0), a narrow no-break space (U+202F). */
const GROUP = /[ \u00A0\u202F]/g;
/** A decimal as the form holds it while it is typed: sign, digits, at most one dot, digits (« 22. » on the way to « 22.5 »). */
const DOT_DECIMAL_DRAFT = /^-?\d*(?:\.\d*)?$/;
/** A decimal the API accepts: « 22.50 », « -3.5 », « 1234 ». */
const DOT_DECIMAL = /^-?\d+(?:\.\d+)?$/;
/** What is typed: a sign (hyphen or the minus sign U+2212), the integer part (grouped by three, or not), a comma or a dot, the decimals. */
const FRENCH = /^([-\u2212]?)(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d*)(?:([,.])(\d*))?$/;

/**
 * What a decimal input sends to the form (and the API): « 1 234,56 » → « 1234.56 », « 22,50 » → « 22.50 »,
 * « 22.50 » → « 22.50 », « -3,5 » → « -3.5 »; blank → null. Text that is no decimal is kept as typed, so the input
 * still shows it and its validation ({@link isApiDecimal}) says what is wrong.
 */
export const parseFrenchDecimal = (text: string | null | undefined): string | null => {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = FRENCH.exec(trimmed);
  if (!match) return text;
  const [, sign, integer, separator, fraction] = match;
  if (integer === '' && separator === undefined && sign === '') return text;
  return `${sign === '' ? '' : '-'}${integer.replace(GROUP, '')}${separator === undefined ? '' : `.${fraction}`}`;
};

/**
 * How a decimal input shows the form's value: the API's « 22.50 » as « 22,50 » (every digit kept, no thousands
 * grouping, so what is typed stays where it is typed); a value being typed (« 22. ») as « 22, »; blank as empty;
 * anything else as it is.
 */
export const formatFrenchDecimal = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return '';
  const text = String(value); // a number the API would send as JSON: its own digits, no arithmetic
  return text !== '' && DOT_DECIMAL_DRAFT.test(text) ? writeFrenchNumber(text, { group: '' }) : text;
};

/** Whether the form holds a whole decimal the API accepts (« 22.50 »; not « 22. », not « 22,5x »). */
export const isApiDecimal = (value: unknown): boolean => typeof value === 'string' && DOT_DECIMAL.test(value);
