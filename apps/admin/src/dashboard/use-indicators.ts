/** Dashboard reads through the data provider's indicator methods, cached by react-query (scope in the key). */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { LevierDataProvider } from '../dataProvider';
import { lastMonthWithData, periodKind } from './scope';
import type {
  ExplainableIndicator,
  Explanation,
  IndicatorAlert,
  IndicatorSeries,
  IndicatorSummary,
  PayerItem,
  Reallocation,
  SeriesGroupBy,
} from '@levier/contracts';
import type { Scope } from './scope.types';

export const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;

/** Client errors (4xx) will not heal by retrying; one retry for the rest. */
const retry = (failureCount: number, error: unknown): boolean => {
  const status = statusOf(error);
  return failureCount < 1 && !(status !== undefined && status >= 400 && status < 500);
};

const notAvailable = (): never => {
  throw Object.assign(new Error('levier.dashboard.feature_unavailable'), { status: 404 });
};

const scopeKey = (scope: Scope) => [scope.orgUnit, scope.from, scope.to, scope.service ?? '', scope.basis ?? 'current'];

const useIndicatorProvider = (): LevierDataProvider => useDataProvider<LevierDataProvider>();

export const useIndicatorSummary = (scope: Scope | null, options: { enabled?: boolean } = {}) => {
  const dataProvider = useIndicatorProvider();
  return useQuery<IndicatorSummary>({
    queryKey: ['indicators', 'summary', ...(scope ? scopeKey(scope) : ['none'])],
    queryFn: ({ signal }) => dataProvider.getIndicatorSummary(scope as Scope, { signal }),
    enabled: scope !== null && options.enabled !== false,
    retry,
  });
};

export const useIndicatorSeries = (scope: Scope, groupBy: SeriesGroupBy) => {
  const dataProvider = useIndicatorProvider();
  return useQuery<IndicatorSeries>({
    queryKey: ['indicators', 'series', groupBy, ...scopeKey(scope)],
    // By period: as fine as the range's own periods (months stay months), not the API's default.
    queryFn: ({ signal }) =>
      dataProvider.getIndicatorSeries(scope, groupBy, groupBy === 'period' ? { signal, granularity: periodKind(scope.from) ?? undefined } : { signal }),
    retry,
  });
};

/** The last month with numbers (one by-month series over all the data, asked once): the default scope ends there. */
export const useLatestDataMonth = (enabled: boolean) => {
  const dataProvider = useIndicatorProvider();
  return useQuery<string | null>({
    queryKey: ['indicators', 'latest-month'],
    queryFn: async ({ signal }) => {
      try {
        const series = await dataProvider.getIndicatorSeries({ orgUnit: '', from: '', to: '' }, 'period', { signal, granularity: 'month' });
        return lastMonthWithData(series.items);
      } catch {
        return null;
      }
    },
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
};

export const useIndicatorPayers = (scope: Scope) => {
  const dataProvider = useIndicatorProvider();
  return useQuery<PayerItem[]>({
    queryKey: ['indicators', 'payers', ...scopeKey(scope)],
    queryFn: ({ signal }) => (dataProvider.getIndicatorPayers ? dataProvider.getIndicatorPayers(scope, { signal }) : Promise.resolve([])),
    retry,
  });
};

export const useIndicatorExplain = (scope: Scope, indicator: ExplainableIndicator | null) => {
  const dataProvider = useIndicatorProvider();
  return useQuery<Explanation>({
    queryKey: ['indicators', 'explain', indicator, ...scopeKey(scope)],
    queryFn: ({ signal }) =>
      dataProvider.getIndicatorExplain ? dataProvider.getIndicatorExplain(scope, indicator as ExplainableIndicator, { signal }) : notAvailable(),
    enabled: indicator !== null,
    retry,
  });
};

export const useReallocation = (scope: Scope) => {
  const dataProvider = useIndicatorProvider();
  return useQuery<Reallocation>({
    queryKey: ['indicators', 'reallocation', ...scopeKey(scope)],
    queryFn: ({ signal }) => (dataProvider.getReallocation ? dataProvider.getReallocation(scope, { signal }) : notAvailable()),
    retry,
  });
};

export const useAlerts = (scope: Scope) => {
  const dataProvider = useIndicatorProvider();
  return useQuery<IndicatorAlert[]>({
    queryKey: ['indicators', 'alerts', ...scopeKey(scope)],
    queryFn: ({ signal }) => (dataProvider.getAlerts ? dataProvider.getAlerts(scope, { signal }) : notAvailable()),
    retry,
  });
};

/** Indicator targets (a plain list resource); an empty list when the endpoint is missing. */
export const useTargets = (scope: Scope) => {
  const dataProvider = useIndicatorProvider();
  return useQuery<Array<Record<string, unknown>>>({
    queryKey: ['indicator-targets', 'dashboard', scope.orgUnit],
    queryFn: async () => {
      try {
        const { data } = await dataProvider.getList('indicator-targets', {
          pagination: { page: 1, perPage: 200 },
          // The API sorts targets by year or indicator only.
          sort: { field: 'year', order: 'DESC' },
          filter: { ...(scope.orgUnit ? { orgUnit: scope.orgUnit } : {}), year: Number(scope.to.slice(0, 4)) },
        });
        return data as Array<Record<string, unknown>>;
      } catch {
        return [];
      }
    },
    retry: false,
  });
};

export type { Explanation };
