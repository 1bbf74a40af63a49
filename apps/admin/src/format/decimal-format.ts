/**
 * Display of the API's decimal strings. Intl.NumberFormat formats a numeric STRING exactly
 * (ECMA-402 NumberFormat v3), so "1234567.895" is rounded as a decimal, never through a float,
 * and the browser does no arithmetic on money.
 */
import { integerDigits, shiftDecimal } from './decimal-arithmetic';

export const NO_VALUE = '—';

export type Locale = 'fr' | 'en';
const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };
export const intlLocale = (locale: string): string => INTL_LOCALE[locale as Locale] ?? 'fr-FR';

const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export const isDecimalString = (value: unknown): value is string => typeof value === 'string' && DECIMAL_RE.test(value.trim());

const cache = new Map<string, Intl.NumberFormat>();
const formatter = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
};

const formatWith = (value: string | null | undefined, locale: string, options: Intl.NumberFormatOptions): string =>
  isDecimalString(value) ? formatter(intlLocale(locale), options).format(value.trim() as Intl.StringNumericLiteral) : NO_VALUE;

/** "1234567.89" → "1 234 567,89 €" (fr). Blank or malformed → "—". */
export const formatMoney = (value: string | null | undefined, locale: string = 'fr'): string =>
  formatWith(value, locale, { style: 'currency', currency: 'EUR' });

/** Euros without cents, for headline figures in tight spaces: "1 234 568 €". */
export const formatMoneyRounded = (value: string | null | undefined, locale: string = 'fr'): string =>
  formatWith(value, locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 });

/**
 * Money for a headline card, at a precision people read: « 1,54 M€ », « 692 k€ », « 45,3 k€ », « 9 876 € » (en: « €1.54M »,
 * « €692k »). The decimal point is moved on the string and rounded by Intl: no float. The exact value goes elsewhere.
 */
export const formatMoneyCompact = (value: string | null | undefined, locale: string = 'fr'): string => {
  const digits = integerDigits(value);
  if (digits === null || !isDecimalString(value)) return NO_VALUE;
  const [unit, places, fraction] =
    digits >= 7 ? (['M', -6, 2] as const) : digits >= 6 ? (['k', -3, 0] as const) : digits >= 5 ? (['k', -3, 1] as const) : ([null, 0, 0] as const);
  if (unit === null) return formatMoneyRounded(value, locale);
  const scaled = shiftDecimal(value, places);
  const number = formatWith(scaled, locale, { minimumFractionDigits: 0, maximumFractionDigits: fraction });
  if (locale === 'en') return number.startsWith('-') ? `-€${number.slice(1)}${unit}` : `€${number}${unit}`;
  return `${number}\u00a0${unit}€`;
};

/** What 1 € buys back, as euros: "0.9234" → « 0,92 € » (en « €0.92 »). */
export const formatPerEuro = (value: string | null | undefined, locale: string = 'fr'): string => formatMoney(value, locale);

/** A count of events: whole numbers from 10 up, one decimal below (« 12 », « 2,5 »), never the engine's 6 decimals. */
export const formatCount = (value: string | null | undefined, locale: string = 'fr'): string => {
  const digits = integerDigits(value);
  if (digits === null) return NO_VALUE;
  return formatWith(value, locale, { minimumFractionDigits: 0, maximumFractionDigits: digits >= 2 ? 0 : 1 });
};

/** Ratios and other plain quantities with exactly `digits` decimals: "2.345" → "2,35". */
export const formatFixed = (value: string | null | undefined, locale: string = 'fr', digits = 2): string =>
  formatWith(value, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const formatRatio = (value: string | null | undefined, locale: string = 'fr'): string => formatFixed(value, locale, 2);

/** A decimal as entered (figures): keeps up to 6 decimals, no padding: "1234.5" → "1 234,5". */
export const formatDecimal = (value: string | null | undefined, locale: string = 'fr'): string => formatWith(value, locale, { maximumFractionDigits: 6 });

/** A share in [0, 1] as a percentage: "0.35" → "35 %". */
export const formatShare = (value: string | null | undefined, locale: string = 'fr'): string =>
  formatWith(value, locale, { style: 'percent', maximumFractionDigits: 1 });

/** Chart axis ticks (numbers already, for plotting only): 1234567 → "1,2 M €". */
export const formatAxisMoney = (value: number, locale: string = 'fr'): string =>
  Number.isFinite(value)
    ? formatter(intlLocale(locale), { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 }).format(value)
    : NO_VALUE;

/** "2026-03-01T08:15:00Z" → "1 mars 2026 à 09:15" (Europe/Paris). */
export const formatDateTime = (iso: string | null | undefined, locale: string = 'fr'): string => {
  if (!iso) return NO_VALUE;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(date);
};

/** Sign of a decimal string without parsing it as a float. */
export const decimalSign = (value: string | null | undefined): -1 | 0 | 1 | null => {
  if (!isDecimalString(value)) return null;
  const v = value.trim();
  if (/^[+-]?0*\.?0*(?:[eE][+-]?\d+)?$/.test(v)) return 0;
  return v.startsWith('-') ? -1 : 1;
};
