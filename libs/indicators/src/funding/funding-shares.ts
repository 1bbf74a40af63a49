import { d, Decimal, ONE, ZERO } from '../money/decimal';

/**
 * Funding plans (vectors README, conventions 2 §2.5 `funding`): payer code → share, shares in [0, 1] summing to exactly 1,
 * users' contributions (`USAGER`) included. Shares travel as decimal strings (`"0.55"`), people type percentages
 * (`55`, `12,5`). One reading of a plan for the API (which checks what it stores) and the admin (which checks what a
 * person types): decimals only, so 33,3333 + 33,3333 + 33,3334 is exactly 100.
 */

/** Payer codes of a funding plan, in the order the API and the admin list them. */
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

export const isFundingPayer = (code: string): code is FundingPayer => (FUNDING_PAYERS as readonly string[]).includes(code);

/** Payer code → share as a decimal string (`"0.55"`). */
export type FundingShares = Record<string, string>;

/** A share as written: a decimal with a point (`"0.55"`); the range is checked apart, so `"-0.1"` is out of range, not unreadable. */
const SHARE_TEXT = /^-?\d{1,15}(\.\d{1,12})?$/;
/** What a person may type as a percentage: digits, one decimal point or comma. */
const PERCENT_TEXT = /^\d+(?:[.,]\d+)?$/;
/** An unsigned plain decimal. */
const UNSIGNED = /^\d+(?:\.\d+)?$/;

/** What is wrong with a funding plan, in the order {@link readFundingShares} finds it. */
export type FundingSharesProblem =
  | { kind: 'not-object' }
  | { kind: 'empty' }
  | { kind: 'unknown-payers'; codes: string[] }
  | { kind: 'not-decimal'; payer: FundingPayer; value: unknown }
  | { kind: 'out-of-range'; payer: FundingPayer; share: Decimal }
  | { kind: 'total'; total: Decimal };

export type FundingSharesReading = { ok: true; shares: FundingShares } | { ok: false; problems: FundingSharesProblem[] };

export const isPlainShares = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a funding plan: a non-empty object of known payer codes, each share a decimal string between 0 and 1, the shares
 * summing to exactly 1. On success the shares come back normalised: payer order, plain decimals (`"0.60"` → `"0.6"`),
 * a share of 0 kept (the engine lists that payer with 0). The payers and the shares are all checked before the total.
 */
export const readFundingShares = (value: unknown): FundingSharesReading => {
  if (!isPlainShares(value)) return { ok: false, problems: [{ kind: 'not-object' }] };
  const entries = Object.entries(value);
  if (entries.length === 0) return { ok: false, problems: [{ kind: 'empty' }] };
  const problems: FundingSharesProblem[] = [];
  const unknown = entries.map(([code]) => code).filter((code) => !isFundingPayer(code));
  if (unknown.length > 0) problems.push({ kind: 'unknown-payers', codes: unknown });
  const parsed = new Map<FundingPayer, Decimal>();
  for (const [payer, share] of entries) {
    if (!isFundingPayer(payer)) continue;
    if (typeof share !== 'string' || !SHARE_TEXT.test(share.trim())) {
      problems.push({ kind: 'not-decimal', payer, value: share });
      continue;
    }
    const amount = d(share.trim());
    if (amount.lt(ZERO) || amount.gt(ONE)) problems.push({ kind: 'out-of-range', payer, share: amount });
    else parsed.set(payer, amount);
  }
  if (problems.length > 0) return { ok: false, problems };
  const total = [...parsed.values()].reduce((sum, share) => sum.plus(share), ZERO);
  if (!total.eq(ONE)) return { ok: false, problems: [{ kind: 'total', total }] };
  const shares: FundingShares = {};
  for (const payer of FUNDING_PAYERS) {
    const share = parsed.get(payer);
    if (share !== undefined) shares[payer] = share.toFixed();
  }
  return { ok: true, shares };
};

/** "55" → "0.55", "12,5" → "0.125"; null when the text is not a plain unsigned number. */
export const percentToShare = (text: string): string | null => {
  const t = text.trim();
  return PERCENT_TEXT.test(t) ? d(t.replace(',', '.')).div(100).toFixed() : null;
};

/** "0.55" → "55"; null when the share is not a plain unsigned decimal. */
export const shareToPercent = (share: string): string | null => {
  const t = share.trim();
  return UNSIGNED.test(t) ? d(t).times(100).toFixed() : null;
};

/** Exact total of typed percentages (`"33,3333"`, `"12.5"`): those that are not plain numbers are left out. `"100"` when complete. */
export const totalOfPercents = (texts: readonly string[]): string =>
  texts
    .map((t) => t.trim())
    .filter((t) => PERCENT_TEXT.test(t))
    .reduce((sum, t) => sum.plus(d(t.replace(',', '.'))), ZERO)
    .toFixed();

/** The payers with a share above 0, largest first (ties in {@link FUNDING_PAYERS}' order, unknown codes after): what a list shows. */
export const rankedFundingShares = (shares: unknown): [string, string][] => {
  if (!isPlainShares(shares)) return [];
  const order = (payer: string) => {
    const i = (FUNDING_PAYERS as readonly string[]).indexOf(payer);
    return i < 0 ? FUNDING_PAYERS.length : i;
  };
  return Object.entries(shares)
    .map(([payer, share]): [string, string, Decimal | null] => {
      const t = String(share).trim();
      return [payer, t, UNSIGNED.test(t) ? d(t) : null];
    })
    .filter((row): row is [string, string, Decimal] => row[2] !== null && row[2].gt(ZERO))
    .sort(([pa, , a], [pb, , b]) => b.cmp(a) || order(pa) - order(pb))
    .map(([payer, share]) => [payer, share]);
};
