import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The one decimal type of the engine: decimal.js with 40 significant digits and half-up rounding,
 * so that no intermediate result loses anything a 2- or 6-decimal output could show.
 * Instances are ordinary decimal.js instances (same prototype), typed `Decimal`.
 */
export const Decimal: typeof DecimalJs = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -50, toExpPos: 60 });
export type Decimal = DecimalJs;

/** Plain decimal literal: optional minus sign, digits, optional dot and digits (no exponent, no comma). */
const DECIMAL_LITERAL = /^-?\d+(\.\d+)?$/;

export const isDecimalLiteral = (text: string): boolean => DECIMAL_LITERAL.test(text);

/** `d('0.20')`: a Decimal from a string, an integer-valued number, a bigint or another Decimal. */
export const d = (value: DecimalJs.Value): Decimal => new Decimal(value);

export const ZERO: Decimal = d(0);
export const ONE: Decimal = d(1);
