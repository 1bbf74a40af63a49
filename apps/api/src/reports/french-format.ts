import { Decimal, NBSP, writeFrenchNumber } from '@levier/indicators';
import { changeIn, eurosIn, NumberWords, offsetSentenceIn, ratioIn } from './number-words';

/** No-break space: groups thousands and separates the euro sign, and survives PDF WinAnsi fonts (U+202F does not). */
export { NBSP };

/** Shown in place of any figure resting on fewer than 5 beneficiaries (docs/product-rules.md#dashboard). */
export const MASKED_LABEL = 'masqué (moins de 5 bénéficiaires)';

/** A decimal string → French writing with `decimals` places, half-up: `1234567.891` → `1 234 567,89`. No float. */
export const formatFrenchNumber = (value: string, decimals: number): string => writeFrenchNumber(value, { decimals });

/** French writing of report numbers: `1 234 567,89 €`, `+4,2 %`, « non disponible ». */
export const FRENCH_NUMBERS: NumberWords = {
  number: formatFrenchNumber,
  euros: (written) => `${written}${NBSP}€`,
  percent: (written) => `${written}${NBSP}%`,
  masked: MASKED_LABEL,
  notAvailable: 'non disponible',
  notComputable: 'non calculable',
  offsetNotComputable: 'non calculable (coût nul ou absent)',
  offset: (euros) => `pour 1${NBSP}€ investi, ${euros} évités`,
};

/** Money: `1 234 567,89 €`; null (masked) → the masking label; missing → « non disponible ». */
export const formatEuros = eurosIn(FRENCH_NUMBERS);

/** Ratio with two decimals: `2,35`. */
export const formatRatio = ratioIn(FRENCH_NUMBERS);

/** « pour 1 € investi, 2,35 € évités ». */
export const offsetSentence = offsetSentenceIn(FRENCH_NUMBERS);

/** Signed change with its percentage: `+12 345,00 € (+4,2 %)`. */
export const formatChange = changeIn(FRENCH_NUMBERS);

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `2024-03` → « mars 2024 », `2024-Q1` → « 1er trimestre 2024 », `2024` → « année 2024 ». */
export const periodLabel = (code: string): string => {
  const month = /^(\d{4})-(\d{2})$/.exec(code);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(code);
  if (quarter) return `${quarter[2] === '1' ? '1er' : `${quarter[2]}e`} trimestre ${quarter[1]}`;
  return `année ${code}`;
};

/** Places an axis label needs to stay exact on a round tick (`2.5` → 1, `50` → 0, `1.25` → 2); any other value: 1. */
export const axisDecimals = (scaled: Decimal): number => (scaled.isInteger() ? 0 : scaled.times(10).isInteger() ? 1 : scaled.times(100).isInteger() ? 2 : 1);

/** Axis labels: `12 345 678` → `12,3 M€`, `45 000` → `45 k€`, `2 500` → `2,5 k€` (never « 3 k€ »), `500` → `500 €`. */
export const compactFrenchEuros = (value: Decimal): string => {
  const abs = value.abs();
  const write = (scaled: Decimal, unit: string): string => `${formatFrenchNumber(scaled.toString(), axisDecimals(scaled))} ${unit}`;
  if (abs.greaterThanOrEqualTo(1_000_000)) return write(value.div(1_000_000), 'M€');
  if (abs.greaterThanOrEqualTo(1_000)) return write(value.div(1_000), 'k€');
  return write(value, '€');
};

/**
 * The period a report covers: « novembre 2026 », « 3e trimestre 2026 », « année 2025 », or for a year to date ending
 * with a month « cumul de l’année 2026 à fin novembre ».
 */
export const coveredPeriodLabel = (coverage: 'month' | 'quarter' | 'year' | 'year_to_date', code: string): string => {
  const month = /^(\d{4})-(\d{2})$/.exec(code);
  if (coverage === 'year_to_date' && month) return `cumul de l’année ${month[1]} à fin ${MONTHS[Number(month[2]) - 1]}`;
  return periodLabel(code);
};

/** A date in Europe/Paris: « 26/11/2026 à 08:00 ». */
export const formatParisDateTime = (value: Date | string | null): string => {
  if (value === null) return 'inconnue';
  const date = new Date(value);
  const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
  const time = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(date);
  return `${day} à ${time}`;
};
