/**
 * Funding plans in the admin: the browser reads, converts and adds shares only through the engine (libs/indicators
 * funding-shares, the reading the API checks with), decimals only. Here the form's view of a problem.
 */
import { readFundingShares, shareToPercent } from '@levier/indicators';

export { FUNDING_PAYERS, isPlainShares, percentToShare, rankedFundingShares as rankedShares, shareToPercent, totalOfPercents } from '@levier/indicators';
export type { FundingPayer, FundingShares as Shares } from '@levier/indicators';

/** What the form says of a plan: no payer, a share that is not a percentage between 0 and 100, or a total other than 100 %. */
export type SharesProblem = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'total'; percent: string };

/** What is wrong with the form's shares, or null: the engine's reading, told as the form tells it. */
export const sharesProblem = (shares: unknown): SharesProblem | null => {
  const reading = readFundingShares(shares);
  if (reading.ok) return null;
  const [first] = reading.problems;
  if (first.kind === 'not-object' || first.kind === 'empty') return { kind: 'empty' };
  if (first.kind === 'total') return { kind: 'total', percent: shareToPercent(first.total.toFixed()) ?? '0' };
  return { kind: 'invalid' };
};
