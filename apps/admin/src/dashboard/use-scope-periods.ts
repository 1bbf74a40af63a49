/** `GET /api/indicators/periods?orgUnit=…`: the scope's months and its default range (null when the server lacks it). */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { LevierDataProvider } from '../dataProvider';
import type { ScopePeriods } from './scope-periods';

export const useScopePeriods = (orgUnit: string) => {
  const dataProvider = useDataProvider<LevierDataProvider>();
  return useQuery<ScopePeriods | null>({
    queryKey: ['indicators', 'periods', orgUnit],
    queryFn: async ({ signal }) => {
      if (!dataProvider.apiGet) return null;
      const query = orgUnit ? `?orgUnit=${encodeURIComponent(orgUnit)}` : '';
      return dataProvider.apiGet<ScopePeriods>(`/indicators/periods${query}`, { signal });
    },
    staleTime: 60_000,
    retry: false,
    // an old server without the endpoint answers once: no refetch loop between the dashboard's two readers
    retryOnMount: false,
  });
};
