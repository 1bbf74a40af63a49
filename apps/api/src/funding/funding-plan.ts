/**
 * Who pays a service's spend (vectors README, conventions 2 §2.5 `funding`): payer code → share, shares in [0, 1]
 * summing to exactly 1, users' contributions (`USAGER`) included. Plain data and lookups, no framework.
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

/** The funding plans of one organisation: service code → year → shares. */
export type FundingPlans = Map<string, Map<number, FundingShares>>;

/** The engine's default when a service has no plan for a year: the commune / CCAS pays everything. */
export const DEFAULT_FUNDING: Readonly<FundingShares> = Object.freeze({ COMMUNE_CCAS: '1' });

/** The shares of a service for a year: its plan, or {@link DEFAULT_FUNDING} when it has none (a fresh copy either way). */
export const fundingFor = (plans: FundingPlans, serviceCode: string, year: number): FundingShares => ({
  ...(plans.get(serviceCode)?.get(year) ?? DEFAULT_FUNDING),
});
