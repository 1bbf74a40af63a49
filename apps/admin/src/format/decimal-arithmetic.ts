/**
 * The little exact arithmetic the dashboard needs on the API's decimal strings (a difference of two figures the API
 * computed, a sign flip for a chart): scaled BigInts, never floats, so "1539410.12" − "847325.45" is exactly
 * "692084.67". The browser computes no indicator: these only recombine figures the API gave.
 */

const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

interface Scaled {
  units: bigint;
  scale: number;
}

/** "−12.5" → { units: −125n, scale: 1 }; null when the text is not a plain decimal (no exponent). */
const parse = (value: string | null | undefined): Scaled | null => {
  if (typeof value !== 'string') return null;
  const match = PLAIN.exec(value.trim());
  if (!match) return null;
  const [, sign, int = '', frac = ''] = match;
  if (int === '' && frac === '') return null;
  const units = BigInt(`${int || '0'}${frac}`);
  return { units: sign === '-' ? -units : units, scale: frac.length };
};

const rescale = (n: Scaled, scale: number): bigint => n.units * 10n ** BigInt(scale - n.scale);

/** { units: −125n, scale: 2 } → "-1.25"; trailing zeros of the fraction kept to the larger input scale. */
const write = (units: bigint, scale: number): string => {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${int}${frac}`;
};

/** a − b, exactly, as a decimal string with the larger of both scales; null when either is blank or malformed. */
export const subtractDecimals = (a: string | null | undefined, b: string | null | undefined): string | null => {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return null;
  const scale = Math.max(x.scale, y.scale);
  return write(rescale(x, scale) - rescale(y, scale), scale);
};

/** −a, exactly ("12.50" → "-12.50", "-3" → "3", "0" → "0"); null when blank or malformed. */
export const negateDecimal = (a: string | null | undefined): string | null => {
  const x = parse(a);
  return x ? write(-x.units, x.scale) : null;
};

/** a × 10^places, exactly, by moving the decimal point ("1539410.12", −6 → "1.53941012"). */
export const shiftDecimal = (a: string | null | undefined, places: number): string | null => {
  const x = parse(a);
  if (!x) return null;
  const scale = x.scale - places;
  return scale >= 0 ? write(x.units, scale) : write(x.units * 10n ** BigInt(-scale), 0);
};

/** Number of digits of the integer part of |a| ("1539410.12" → 7, "0.5" → 0, "-45.2" → 2); null when malformed. */
export const integerDigits = (a: string | null | undefined): number | null => {
  const x = parse(a);
  if (!x) return null;
  const whole = (x.units < 0n ? -x.units : x.units) / 10n ** BigInt(x.scale);
  return whole === 0n ? 0 : whole.toString().length;
};
