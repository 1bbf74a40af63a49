/**
 * Funding plans in the admin: shares cross the API as decimal strings (`"0.55"`), people type percentages (`55`,
 * `12,5`). Conversions move the decimal point on the string and totals add scaled BigInts: no float ever touches a
 * share, so 33,3333 + 33,3333 + 33,3334 is exactly 100.
 */

/** The API's payer codes (apps/api/src/funding/funding-plan.ts), in the order the form shows them. */
export const FUNDING_PAYERS = [
  'COMMUNE_CCAS',
  'DEPARTEMENT',
  'CAISSES_RETRAITE',
  'ASSURANCE_MALADIE',
  'ARS',
  'CAF',
  'USAGER',
  'ETAT',
  'BAILLEUR_SOCIAL',
  'AUTRE',
] as const;
export type FundingPayer = (typeof FUNDING_PAYERS)[number];

export type Shares = Record<string, string>;

const UNSIGNED = /^\d+(?:\.\d+)?$/;
/** What a person may type as a percentage: digits, one decimal point or comma. */
const PERCENT_TEXT = /^\d+(?:[.,]\d+)?$/;

export const isPlainShares = (v: unknown): v is Shares => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Moves the decimal point of an unsigned decimal string `places` to the right (negative: to the left), trimmed. */
const shift = (value: string, places: number): string => {
  const [int, frac = ''] = value.split('.');
  let digits = int + frac;
  let point = int.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fraction = digits.slice(point).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
};

/** "55" → "0.55", "12,5" → "0.125"; null when the text is not a plain number. */
export const percentToShare = (text: string): string | null => {
  const t = text.trim();
  return PERCENT_TEXT.test(t) ? shift(t.replace(',', '.'), -2) : null;
};

/** "0.55" → "55"; null when the share is not a plain unsigned decimal. */
export const shareToPercent = (share: string): string | null => (UNSIGNED.test(share.trim()) ? shift(share.trim(), 2) : null);

/** Exact sum of unsigned decimal strings (invalid ones are skipped). */
export const sumDecimals = (values: readonly string[]): string => {
  const valid = values.map((v) => v.trim()).filter((v) => UNSIGNED.test(v));
  const scale = Math.max(0, ...valid.map((v) => (v.split('.')[1] ?? '').length));
  const total = valid.reduce((sum, v) => {
    const [int, frac = ''] = v.split('.');
    return sum + BigInt(int + frac.padEnd(scale, '0'));
  }, 0n);
  const digits = total.toString().padStart(scale + 1, '0');
  return shift(`${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale) || '0'}`, 0);
};

/** Compares two unsigned decimal strings exactly: -1, 0 or 1. */
export const compareDecimals = (a: string, b: string): -1 | 0 | 1 => {
  const scale = Math.max((a.split('.')[1] ?? '').length, (b.split('.')[1] ?? '').length);
  const scaled = (v: string) => {
    const [int, frac = ''] = v.split('.');
    return BigInt(int + frac.padEnd(scale, '0'));
  };
  const [x, y] = [scaled(a), scaled(b)];
  return x === y ? 0 : x < y ? -1 : 1;
};

export type SharesProblem = 'empty' | 'invalid' | 'total';

/** What is wrong with a plan's shares, or null: at least one payer, each share in [0, 1], a total of exactly 1. */
export const sharesProblem = (shares: unknown): SharesProblem | null => {
  if (!isPlainShares(shares) || Object.keys(shares).length === 0) return 'empty';
  const values = Object.values(shares).map(String);
  if (!values.every((v) => UNSIGNED.test(v.trim()) && compareDecimals(v.trim(), '1') <= 0)) return 'invalid';
  return compareDecimals(sumDecimals(values), '1') === 0 ? null : 'total';
};

/** The payers with a share above 0, largest first (ties in the form's order): what a list shows. */
export const rankedShares = (shares: unknown): [FundingPayer | string, string][] => {
  if (!isPlainShares(shares)) return [];
  const order = (p: string) => {
    const i = (FUNDING_PAYERS as readonly string[]).indexOf(p);
    return i < 0 ? FUNDING_PAYERS.length : i;
  };
  return Object.entries(shares)
    .map(([payer, share]): [string, string] => [payer, String(share).trim()])
    .filter(([, share]) => UNSIGNED.test(share) && compareDecimals(share, '0') > 0)
    .sort(([pa, a], [pb, b]) => compareDecimals(b, a) || order(pa) - order(pb));
};
