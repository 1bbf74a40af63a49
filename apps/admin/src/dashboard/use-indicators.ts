/** Dashboard reads through the data provider's indicator methods, cached by react-query (scope in the key). */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { IndicatorDataProvider, LevierDataProvider } from '../dataProvider';
import type { IndicatorSeries, IndicatorSummary, Scope, SeriesGroupBy } from './indicators.types';

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;

/** Client errors (4xx) will not heal by retrying; one retry for the rest. */
const retry = (failureCount: number, error: unknown): boolean => {
  const status = statusOf(error);
  return failureCount < 1 && !(status !== undefined && status >= 400 && status < 500);
};

const useIndicatorProvider = (): IndicatorDataProvider => useDataProvider<LevierDataProvider>();

export const useIndicatorSummary = (scope: Scope) => {
  const dataProvider = useIndicatorProvider();
  return useQuery<IndicatorSummary>({
    queryKey: ['indicators', 'summary', scope.orgUnit, scope.from, scope.to],
    queryFn: ({ signal }) => dataProvider.getIndicatorSummary(scope, { signal }),
    retry,
  });
};

export const useIndicatorSeries = (scope: Scope, groupBy: SeriesGroupBy) => {
  const dataProvider = useIndicatorProvider();
  return useQuery<IndicatorSeries>({
    queryKey: ['indicators', 'series', groupBy, scope.orgUnit, scope.from, scope.to],
    queryFn: ({ signal }) => dataProvider.getIndicatorSeries(scope, groupBy, { signal }),
    retry,
  });
};
