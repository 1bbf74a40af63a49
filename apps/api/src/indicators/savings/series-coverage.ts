import { containingQuarter, containingYear, listMonths } from '@levier/indicators';
import type { MonthOverview, MonthStatus } from './scope-periods';
import type { Integer } from '@levier/contracts';

export type SeriesBucket = 'month' | 'quarter' | 'year';

/**
 * What a period of a series rests on (issue 14, item 1): `data` has computed figures; `no_data` has none (shown
 * « pas de données », never 0 €); `unapproved` has figures that are not approved, so « tel que publié » shows none
 * (« non approuvé »).
 */
export type SeriesCoverage = 'data' | 'no_data' | 'unapproved';

export interface SeriesPeriod {
  key: string;
  coverage: SeriesCoverage;
  /** Workflow state of the period's months with data (none: no month has data). */
  status: MonthStatus;
  /** Every month of the period has data from every expected unit and service. */
  complete: boolean;
  /** Months of the period (within the range) and how many of them hold data. */
  months: Integer;
  monthsWithData: Integer;
}

export interface SeriesCoverageInput {
  from: string;
  to: string;
  bucket: SeriesBucket;
  basis: 'current' | 'reported';
  /** The scope's months as `GET /api/indicators/periods` reports them. */
  months: readonly MonthOverview[];
  /** Period keys of the series that hold computed values. */
  computed: ReadonlySet<string>;
}

const bucketOf = (month: string, bucket: SeriesBucket): string =>
  bucket === 'month' ? month : bucket === 'quarter' ? (containingQuarter(month) ?? month) : containingYear(month);

const statusOf = (months: readonly MonthOverview[]): MonthStatus => {
  const withData = months.filter((m) => m.hasData);
  if (withData.length === 0) return 'none';
  if (withData.every((m) => m.status === 'approved')) return 'approved';
  return withData.every((m) => m.status === 'approved' || m.status === 'submitted') ? 'submitted' : 'draft';
};

/** Every period of the range in the series' bucket, in order, each with what it rests on: the browser never guesses a gap. */
export const seriesCoverage = ({ from, to, bucket, basis, months, computed }: SeriesCoverageInput): SeriesPeriod[] => {
  const byPeriod = new Map(months.map((m) => [m.period, m]));
  const groups = new Map<string, MonthOverview[]>();
  for (const month of listMonths({ from, to })) {
    const key = bucketOf(month, bucket);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(byPeriod.get(month) ?? { period: month, hasData: false, complete: false, status: 'none' });
  }
  return [...groups.entries()].map(([key, inBucket]) => {
    const status = statusOf(inBucket);
    const coverage: SeriesCoverage = computed.has(key) ? 'data' : basis === 'reported' && status !== 'none' && status !== 'approved' ? 'unapproved' : 'no_data';
    return {
      key,
      coverage,
      status,
      complete: inBucket.every((m) => m.complete),
      months: inBucket.length,
      monthsWithData: inBucket.filter((m) => m.hasData).length,
    };
  });
};
