/**
 * Who pays a service's spend (vectors README, conventions 2 §2.5 `funding`): the payers, the shares and their reading
 * are the engine's (libs/indicators funding-shares, also used by the admin's form); here the organisation's plans by
 * service and year, and the default. Plain data and lookups, no framework.
 */
import type { FundingShares } from '@levier/indicators';

export { FUNDING_PAYERS, isFundingPayer } from '@levier/indicators';
export type { FundingPayer, FundingShares } from '@levier/indicators';

/** The funding plans of one organisation: service code → year → shares. */
export type FundingPlans = Map<string, Map<number, FundingShares>>;

/** The engine's default when a service has no plan for a year: the commune / CCAS pays everything. */
export const DEFAULT_FUNDING: Readonly<FundingShares> = Object.freeze({ COMMUNE_CCAS: '1' });

/** The shares of a service for a year: its plan, or {@link DEFAULT_FUNDING} when it has none (a fresh copy either way). */
export const fundingFor = (plans: FundingPlans, serviceCode: string, year: number): FundingShares => ({
  ...(plans.get(serviceCode)?.get(year) ?? DEFAULT_FUNDING),
});
