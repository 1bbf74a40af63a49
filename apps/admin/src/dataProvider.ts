/**
 * ra-data-simple-rest against `/api` (sort/range/filter + Content-Range), plus the indicator reads
 * used by the dashboard. Auth is in the http client: bearer token, one refresh-and-retry on 401.
 */
import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import type { IndicatorSeries, IndicatorSummary, Scope, SeriesGroupBy } from './dashboard/indicators.types';
import type { HttpClient } from './http/http-client';

export const API_URL = '/api';

export interface IndicatorDataProvider {
  getIndicatorSummary(scope: Scope, options?: { signal?: AbortSignal }): Promise<IndicatorSummary>;
  getIndicatorSeries(scope: Scope, groupBy: SeriesGroupBy, options?: { signal?: AbortSignal }): Promise<IndicatorSeries>;
}

export type LevierDataProvider = DataProvider & IndicatorDataProvider;

/** `orgUnit=…&from=…&to=…`, leaving out what is blank so the API applies its own defaults. */
export const scopeQuery = (scope: Scope, extra: Record<string, string> = {}): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...scope, ...extra })) {
    if (value.trim() !== '') params.set(key, value.trim());
  }
  return params.toString();
};

export const createDataProvider = (httpClient: HttpClient, apiUrl: string = API_URL): LevierDataProvider => {
  const base = simpleRestProvider(apiUrl, httpClient as Parameters<typeof simpleRestProvider>[1]);
  return {
    ...base,
    async getIndicatorSummary(scope, options = {}) {
      const { json } = await httpClient(`${apiUrl}/indicators/summary?${scopeQuery(scope)}`, { signal: options.signal });
      return json as IndicatorSummary;
    },
    async getIndicatorSeries(scope, groupBy, options = {}) {
      const { json } = await httpClient(`${apiUrl}/indicators/series?${scopeQuery(scope, { groupBy })}`, { signal: options.signal });
      const series = json as Partial<IndicatorSeries> | undefined;
      return { groupBy: series?.groupBy ?? groupBy, items: Array.isArray(series?.items) ? series.items : [] };
    },
  };
};
