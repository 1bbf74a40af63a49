import { isDecimalLiteral, NARROW_NBSP, writeFrenchNumber } from '@levier/indicators';

const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** `2024-01` → « janv. 2024 », `2024-Q4` → « 2024-T4 », `2024` → « 2024 » (as the API's period-label.ts). */
export const periodLabel = (code: string): string => {
  const month = /^(\d{4})-(\d{2})$/u.exec(code);
  if (month) return MONTHS[Number(month[2]) - 1] === undefined ? code : `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  return code.replace(/-Q([1-4])$/u, '-T$1');
};

/** A decimal string in French writing: « 1 234,5 » (no rounding, the digits as stored). */
export const frenchDecimal = (value: string | null): string =>
  value === null || !isDecimalLiteral(value) ? '—' : writeFrenchNumber(value, { group: NARROW_NBSP });
