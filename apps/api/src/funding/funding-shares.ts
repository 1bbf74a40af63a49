import { FUNDING_PAYERS, readFundingShares, type Decimal, type FundingShares, type FundingSharesProblem } from '@levier/indicators';

const MAX_REPORTED = 5;

export type SharesCheck = { ok: true; shares: FundingShares } | { ok: false; errors: string[] };

/** "0.95" → "0,95": the French way to write a share or the sum in a message. */
const french = (value: Decimal): string => value.toFixed().replace('.', ',');

const shown = (value: unknown): string => (typeof value === 'string' ? `« ${value} »` : (JSON.stringify(value) ?? String(value)));

/** A problem of the engine's reading, as the API says it (French, without the field name: the caller prefixes it). */
const message = (problem: FundingSharesProblem): string => {
  switch (problem.kind) {
    case 'not-object':
      return 'objet { PAYEUR: "part" } attendu, par exemple { "DEPARTEMENT": "0.6", "USAGER": "0.4" }';
    case 'empty':
      return 'au moins un payeur attendu : les parts doivent totaliser 1';
    case 'unknown-payers': {
      const listed = problem.codes.slice(0, MAX_REPORTED).map((code) => `« ${code.slice(0, 64)} »`);
      const more = problem.codes.length > MAX_REPORTED ? ` et ${problem.codes.length - MAX_REPORTED} autre(s)` : '';
      return `payeur inconnu ${listed.join(', ')}${more} : payeurs possibles ${FUNDING_PAYERS.join(', ')}`;
    }
    case 'not-decimal':
      return `la part de ${problem.payer} doit être un nombre décimal écrit comme texte, avec un point (ex. "0.25"), reçu ${shown(problem.value)}`;
    case 'out-of-range':
      return `la part de ${problem.payer} doit être comprise entre 0 et 1 (reçu ${french(problem.share)})`;
    case 'total':
      return `La somme des parts doit être égale à 1 (actuellement ${french(problem.total)})`;
  }
};

/**
 * Checks a funding plan's shares with the engine's reading (conventions 2 §2.5): a non-empty object of known payer codes,
 * each share a decimal string between 0 and 1, the shares summing to exactly 1. On success the shares come back
 * normalised (payer order, `"0.60"` → `"0.6"`, a share of 0 kept); else French messages.
 */
export const checkFundingShares = (value: unknown): SharesCheck => {
  const reading = readFundingShares(value);
  return reading.ok ? reading : { ok: false, errors: reading.problems.map(message) };
};
