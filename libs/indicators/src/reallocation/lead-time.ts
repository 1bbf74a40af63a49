import { d, Decimal } from '../money/decimal';

const DAY_MS = 86_400_000;

/** Calendar days from requestDate to startDate, plain dates `YYYY-MM-DD` (no time zone: both read as UTC midnights). */
export const leadTimeDays = ({ requestDate, startDate }: { requestDate: string; startDate: string }): number =>
  Math.round((Date.parse(`${startDate}T00:00:00Z`) - Date.parse(`${requestDate}T00:00:00Z`)) / DAY_MS);

/** Median: the middle value of the sorted list, or the mean of the two middle values for an even count; null when empty. */
export const median = (values: readonly number[]): Decimal | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? d(sorted[middle])
    : d(sorted[middle - 1])
        .plus(sorted[middle])
        .dividedBy(2);
};

/** Percentile by nearest rank: the value at 1-based rank ceil(p × n) of the sorted list (p = 0.9 for P90); null when empty. */
export const nearestRankPercentile = ({ values, percentile }: { values: readonly number[]; percentile: Decimal }): Decimal | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, percentile.times(sorted.length).ceil().toNumber());
  return d(sorted[Math.min(rank, sorted.length) - 1]);
};
