import { FUNDING_PAYERS, FundingShares } from './funding-plan';
import { ServiceFunding } from './service-funding.entity';
import type { Integer } from '@levier/contracts';

export interface ServiceFundingResponse {
  id: string;
  /** The service's code (what the API takes back). */
  service: string;
  serviceLabel: string;
  year: Integer;
  shares: FundingShares;
  note: string | null;
  updatedAt: string;
}

/** Shares in the payers' canonical order (jsonb does not keep the order they were written in). */
const ordered = (shares: FundingShares): FundingShares =>
  Object.fromEntries([
    ...FUNDING_PAYERS.filter((p) => p in shares).map((p) => [p, shares[p]]),
    ...Object.keys(shares)
      .filter((p) => !(FUNDING_PAYERS as readonly string[]).includes(p))
      .map((p) => [p, shares[p]]),
  ]);

export const toServiceFundingResponse = (row: ServiceFunding, service: { code: string; label: string }): ServiceFundingResponse => ({
  id: row.id,
  service: service.code,
  serviceLabel: service.label,
  year: row.year,
  shares: ordered(row.shares),
  note: row.note,
  updatedAt: row.updatedAt.toISOString(),
});
