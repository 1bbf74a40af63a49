import { Decimal } from '@levier/indicators';
import { writeDecimal } from './decimal-writing';
import { axisDecimals } from './french-format';
import { changeIn, eurosIn, NumberWords, offsetSentenceIn, ratioIn } from './number-words';

/** Shown in place of any figure resting on fewer than 5 beneficiaries (docs/product-rules.md#dashboard), in English reports. */
export const MASKED_LABEL_EN = 'masked (fewer than 5 beneficiaries)';

/** A decimal string → English writing with `decimals` places, half-up: `1234567.891` → `1,234,567.89`. No float. */
export const formatEnglishNumber = (value: string, decimals: number): string => writeDecimal(value, decimals, { group: ',', decimal: '.' });

/** The euro sign before the amount, the minus sign before the euro: `-€12,450.50`. */
const euroPrefixed = (written: string): string => (written.startsWith('-') ? `-€${written.slice(1)}` : `€${written}`);

/** English writing of report numbers: `€1,234,567.89`, `+4.2%`, "not available". */
export const ENGLISH_NUMBERS: NumberWords = {
  number: formatEnglishNumber,
  euros: euroPrefixed,
  percent: (written) => `${written}%`,
  masked: MASKED_LABEL_EN,
  notAvailable: 'not available',
  notComputable: 'not computable',
  offsetNotComputable: 'not computable (zero or missing cost)',
  offset: (euros) => `for €1 invested, ${euros} avoided`,
};

/** Money: `€1,234,567.89`; masked → the masking label; missing → "not available". */
export const formatEurosEn = eurosIn(ENGLISH_NUMBERS);

/** Ratio with two decimals: `2.35`. */
export const formatRatioEn = ratioIn(ENGLISH_NUMBERS);

/** "for €1 invested, €2.35 avoided". */
export const offsetSentenceEn = offsetSentenceIn(ENGLISH_NUMBERS);

/** Signed change with its percentage: `+€12,345.00 (+4.2%)`. */
export const formatChangeEn = changeIn(ENGLISH_NUMBERS);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2024-03` → "March 2024", `2024-Q1` → "Q1 2024", `2024` → "year 2024". */
export const periodLabelEn = (code: string): string => {
  const month = /^(\d{4})-(\d{2})$/.exec(code);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(code);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  return `year ${code}`;
};

/** Axis labels: `12 345 678` → `€12.3M`, `45 000` → `€45k`, `2 500` → `€2.5k`, `500` → `€500`. */
export const compactEnglishEuros = (value: Decimal): string => {
  const abs = value.abs();
  const write = (scaled: Decimal): string => euroPrefixed(formatEnglishNumber(scaled.toString(), axisDecimals(scaled)));
  if (abs.greaterThanOrEqualTo(1_000_000)) return `${write(value.div(1_000_000))}M`;
  if (abs.greaterThanOrEqualTo(1_000)) return `${write(value.div(1_000))}k`;
  return write(value);
};

/** The period a report covers; a year to date ending with a month: "2026 year to date, to the end of November". */
export const coveredPeriodLabelEn = (coverage: 'month' | 'quarter' | 'year' | 'year_to_date', code: string): string => {
  const month = /^(\d{4})-(\d{2})$/.exec(code);
  if (coverage === 'year_to_date' && month) return `${month[1]} year to date, to the end of ${MONTHS[Number(month[2]) - 1]}`;
  return periodLabelEn(code);
};

/** A date in Europe/Paris, written day first as in British English: "26/11/2026 at 08:00 (Paris time)". */
export const formatParisDateTimeEn = (value: Date | string | null): string => {
  if (value === null) return 'unknown';
  const date = new Date(value);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${day} at ${time} (Paris time)`;
};
