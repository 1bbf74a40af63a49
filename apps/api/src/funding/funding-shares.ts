import Decimal from 'decimal.js';
import { FUNDING_PAYERS, FundingPayer, FundingShares, isFundingPayer } from './funding-plan';

/** A decimal written as a string with a point (`"0.55"`); the range is checked apart, so `"-0.1"` gets its own message. */
const DECIMAL = /^-?\d{1,15}(\.\d{1,12})?$/;
const MAX_REPORTED = 5;

export type SharesCheck = { ok: true; shares: FundingShares } | { ok: false; errors: string[] };

/** "0.95" → "0,95": the French way to write the sum in a message. */
const french = (value: Decimal): string => value.toFixed().replace('.', ',');

const shown = (value: unknown): string => (typeof value === 'string' ? `« ${value} »` : (JSON.stringify(value) ?? String(value)));

/**
 * Checks a funding plan's shares (conventions 2 §2.5): a non-empty object of known payer codes, each share a decimal
 * string between 0 and 1, the shares summing to exactly 1 (decimal.js, no float). On success the shares come back
 * normalised: canonical payer order, plain decimals (`"0.60"` → `"0.6"`), a share of 0 kept (the engine lists it as 0.00).
 * Messages are French, without the field name (the caller prefixes it).
 */
export const checkFundingShares = (value: unknown): SharesCheck => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: ['objet { PAYEUR: "part" } attendu, par exemple { "DEPARTEMENT": "0.6", "USAGER": "0.4" }'] };
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return { ok: false, errors: ['au moins un payeur attendu : les parts doivent totaliser 1'] };
  const errors: string[] = [];
  const unknown = entries.map(([code]) => code).filter((code) => !isFundingPayer(code));
  if (unknown.length > 0) {
    const listed = unknown.slice(0, MAX_REPORTED).map((code) => `« ${code.slice(0, 64)} »`);
    const more = unknown.length > MAX_REPORTED ? ` et ${unknown.length - MAX_REPORTED} autre(s)` : '';
    errors.push(`payeur inconnu ${listed.join(', ')}${more} : payeurs possibles ${FUNDING_PAYERS.join(', ')}`);
  }
  const parsed = new Map<FundingPayer, Decimal>();
  for (const [code, share] of entries) {
    if (!isFundingPayer(code)) continue;
    if (typeof share !== 'string' || !DECIMAL.test(share.trim())) {
      errors.push(`la part de ${code} doit être un nombre décimal écrit comme texte, avec un point (ex. "0.25"), reçu ${shown(share)}`);
      continue;
    }
    const amount = new Decimal(share.trim());
    if (amount.lt(0) || amount.gt(1)) {
      errors.push(`la part de ${code} doit être comprise entre 0 et 1 (reçu ${french(amount)})`);
      continue;
    }
    parsed.set(code, amount);
  }
  if (errors.length > 0) return { ok: false, errors };
  const sum = [...parsed.values()].reduce((total, share) => total.plus(share), new Decimal(0));
  if (!sum.eq(1)) return { ok: false, errors: [`La somme des parts doit être égale à 1 (actuellement ${french(sum)})`] };
  const shares: FundingShares = {};
  for (const code of FUNDING_PAYERS) {
    const share = parsed.get(code);
    if (share !== undefined) shares[code] = share.toFixed();
  }
  return { ok: true, shares };
};
