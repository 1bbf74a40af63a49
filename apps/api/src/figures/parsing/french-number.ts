/**
 * French-written numbers → a normalised decimal string (`-1234.56`), never a float.
 *
 * Accepted (docs/product-rules.md#ingestion): decimal comma (`2 126,5`); thousands separated by space, no-break space U+00A0, narrow no-break
 * space U+202F or dot (`12 450,00`, `1.234,56`); when `,` and `.` both appear the LAST one is the decimal separator
 * (`1.234,56`, `49,870.10`); a lone separator is decimal (`1,234` = 1.234, `2126.5` = 2126.5), several of the same are
 * thousands (`1.234.567`, `1,234,567`); thousands groups must be 3 digits; a currency (`€`, `EUR`) before or after;
 * a sign `-`, `+`, `−` (U+2212) or accounting parentheses `(1 234,56)`.
 *
 * Percent: `12,5 %` → `0.125`. A percentage is a share, and shares are stored as decimals in [0, 1] everywhere in the
 * product (docs/methodology.md#the-savings-and-reallocation-methodology), so the value is divided by 100 (an exact shift of the decimal point) and `percent: true` tells
 * the caller it happened.
 */
export type FrenchNumberError = 'empty' | 'not_a_number' | 'invalid_grouping';

export type FrenchNumberResult = { ok: true; value: string; percent: boolean } | { ok: false; error: FrenchNumberError };

const MAX_LENGTH = 64;
const SPACE = /\s/u; // includes U+00A0, U+202F, U+2009 (JS \s is Unicode-aware for white space)
const BODY = /^[0-9.,\s]+$/u;
const TRAILING_UNIT = /^(.*?)\s*(%|€|eur|euros?)$/iu;
const LEADING_CURRENCY = /^(€|eur)\s*/iu;
const SIGN = /^([-+\u2212])\s*/u;

const fail = (error: FrenchNumberError): FrenchNumberResult => ({ ok: false, error });

/** `digits` with its leading zeros removed (one kept). */
const stripLeadingZeros = (digits: string): string => digits.replace(/^0+(?=\d)/u, '') || '0';

/** `intPart` + `fracPart` divided by 100, by moving the decimal point two places left. */
const shiftTwoLeft = (intPart: string, fracPart: string): [string, string] => {
  const padded = intPart.padStart(3, '0');
  return [padded.slice(0, -2), padded.slice(-2) + fracPart];
};

/** The integer part's digits, or an error if its thousands groups are malformed. */
const ungroup = (intPart: string, thousands: ',' | '.' | null): string | FrenchNumberError => {
  const hasSpace = SPACE.test(intPart);
  const hasSeparator = thousands !== null && intPart.includes(thousands);
  if (hasSpace && hasSeparator) return 'invalid_grouping';
  if (!hasSpace && !hasSeparator) return /^\d*$/u.test(intPart) ? intPart : 'not_a_number';
  const groups = hasSpace ? intPart.split(SPACE) : intPart.split(thousands as string);
  const [first, ...rest] = groups;
  const valid = /^\d{1,3}$/u.test(first) && rest.every((g) => /^\d{3}$/u.test(g));
  return valid ? groups.join('') : 'invalid_grouping';
};

/** Digits with at most one separator and nothing else (`8123,37`, `20`): a lone separator is decimal, as below. */
const PLAIN = /^(\d+)(?:[.,](\d+))?$/u;

export const parseFrenchNumber = (input: string): FrenchNumberResult => {
  // the common cell of a large file, answered as the general path below would, without its dozen regular expressions
  const plain = input.length <= MAX_LENGTH ? PLAIN.exec(input) : null;
  if (plain) return { ok: true, value: stripLeadingZeros(plain[1]) + (plain[2] === undefined ? '' : `.${plain[2]}`), percent: false };
  let text = input.trim();
  if (text === '') return fail('empty');
  if (text.length > MAX_LENGTH) return fail('not_a_number');

  let negative = false;
  const parenthesised = /^\((.*)\)$/u.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1].trim();
  }
  const sign = SIGN.exec(text);
  if (sign) {
    if (negative) return fail('not_a_number');
    negative = sign[1] !== '+';
    text = text.slice(sign[0].length);
  }
  text = text.replace(LEADING_CURRENCY, '');
  let percent = false;
  const unit = TRAILING_UNIT.exec(text);
  if (unit) {
    percent = unit[2] === '%';
    text = unit[1];
  }

  if (!BODY.test(text) || !/\d/u.test(text)) return fail('not_a_number');

  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  const commas = text.split(',').length - 1;
  const dots = text.split('.').length - 1;
  let decimal: ',' | '.' | null = null;
  let thousands: ',' | '.' | null = null;
  if (commas > 0 && dots > 0) {
    decimal = lastComma > lastDot ? ',' : '.';
    thousands = decimal === ',' ? '.' : ',';
    if ((decimal === ',' ? commas : dots) > 1) return fail('invalid_grouping');
  } else if (commas > 0) {
    [decimal, thousands] = commas === 1 ? [',', null] : [null, ','];
  } else if (dots > 0) {
    [decimal, thousands] = dots === 1 ? ['.', null] : [null, '.'];
  }

  const at = decimal === null ? -1 : text.lastIndexOf(decimal);
  const rawInt = at === -1 ? text : text.slice(0, at);
  const fracPart = at === -1 ? '' : text.slice(at + 1);
  if (at !== -1 && !/^\d+$/u.test(fracPart)) return fail(SPACE.test(fracPart) ? 'invalid_grouping' : 'not_a_number');
  if (SPACE.test(rawInt) && !/^\d/u.test(rawInt)) return fail('not_a_number');

  const intDigits = ungroup(rawInt, thousands);
  if (intDigits === 'invalid_grouping' || intDigits === 'not_a_number') return fail(intDigits);
  if (intDigits === '' && fracPart === '') return fail('not_a_number');

  const [intPart, frac] = percent ? shiftTwoLeft(intDigits, fracPart) : [intDigits, fracPart];
  const magnitude = stripLeadingZeros(intPart) + (frac === '' ? '' : `.${frac}`);
  const isZero = /^[0.]*$/u.test(magnitude);
  return { ok: true, value: negative && !isZero ? `-${magnitude}` : magnitude, percent };
};
