/**
 * ra-data-simple-rest against `/api` (sort/range/filter + Content-Range), plus the indicator reads
 * used by the dashboard. Auth is in the http client: bearer token, one refresh-and-retry on 401.
 */
import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider } from 'react-admin';
import { toFormErrors } from './http/field-errors';
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
import type { Scope } from './dashboard/scope.types';
import type { HttpClient } from './http/http-client';
import { writableBody } from './resources/writable-body';

export const API_URL = '/api';

type Options = { signal?: AbortSignal };

export interface IndicatorDataProvider {
  getIndicatorSummary(scope: Scope, options?: Options): Promise<IndicatorSummary>;
  getIndicatorSeries(scope: Scope, groupBy: SeriesGroupBy, options?: Options & { granularity?: string }): Promise<IndicatorSeries>;
  getIndicatorPayers?(scope: Scope, options?: Options): Promise<PayerItem[]>;
  getIndicatorExplain?(scope: Scope, indicator: ExplainableIndicator, options?: Options): Promise<Explanation>;
  getScenario?(scope: Scope): Promise<{ blob: Blob; filename: string }>;
  /** A generated file (document PDF/HTML, chart CSV/XLSX): `path` under the API, its query, the reader's language. */
  getFile?(path: string, query: Record<string, string>, language?: string): Promise<{ blob: Blob; filename: string }>;
  getReallocation?(scope: Scope, options?: Options): Promise<Reallocation>;
  getAlerts?(scope: Scope, options?: Options): Promise<IndicatorAlert[]>;
}

/** Plain JSON calls for the non-CRUD endpoints (periods, completeness, submissions, previews). */
export interface ApiDataProvider {
  apiGet?<T = unknown>(path: string, options?: Options): Promise<T>;
  apiPost?<T = unknown>(path: string, body: unknown): Promise<{ status: number; json: T }>;
}

export type LevierDataProvider = DataProvider & IndicatorDataProvider & ApiDataProvider;

/** `orgUnit=…&from=…&to=…`, leaving out what is blank so the API applies its own defaults. */
export const scopeQuery = (scope: Scope, extra: Record<string, string> = {}): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...scope, ...extra })) {
    if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
  }
  return params.toString();
};

/**
 * The reallocation endpoint takes `YYYY` or `YYYY-MM`: quarters become their months, and a range of whole
 * years (January to December) becomes years, so the API can use the real expenditure (fongibilité rate).
 */
export const reallocationRange = (scope: Pick<Scope, 'from' | 'to'>): { orgUnit: string; from: string; to: string } => {
  const quarter = (p: string, end: boolean) => {
    const m = /^(\d{4})-Q([1-4])$/.exec(p);
    if (!m) return p;
    const month = (Number(m[2]) - 1) * 3 + (end ? 3 : 1);
    return `${m[1]}-${String(month).padStart(2, '0')}`;
  };
  let from = quarter(scope.from, false);
  let to = quarter(scope.to, true);
  if (from.length === 4 && to.length === 7) from = `${from}-01`;
  if (from.length === 7 && to.length === 4) to = `${to}-12`;
  if (from.length === 7 && to.length === 7 && from.endsWith('-01') && to.endsWith('-12')) {
    from = from.slice(0, 4);
    to = to.slice(0, 4);
  }
  return { orgUnit: '', from, to };
};

/** Rethrows an API validation error with `body.errors` as `{ field: message, root }` (the API's list kept as `apiErrors`). */
const withFieldErrors = async <T>(call: Promise<T>): Promise<T> => {
  try {
    return await call;
  } catch (error) {
    if (error instanceof HttpError && (error.status === 400 || error.status === 422)) {
      const body = error.body as Record<string, unknown> | undefined;
      const errors = toFormErrors(body, typeof body?.detail === 'string' ? body.detail : undefined);
      if (errors) throw new HttpError(error.message, error.status, { ...body, apiErrors: body?.errors, errors });
    }
    throw error;
  }
};

export const createDataProvider = (httpClient: HttpClient, apiUrl: string = API_URL): LevierDataProvider => {
  const base = simpleRestProvider(apiUrl, httpClient as Parameters<typeof simpleRestProvider>[1]);
  return {
    ...base,
    // Only the fields the API's DTO accepts (it refuses unknown ones), blanks as null, years as integers.
    // Validation errors come back in react-admin's shape, so each message shows under its input.
    create: (resource, params) => withFieldErrors(base.create(resource, { ...params, data: writableBody(resource, params.data as Record<string, unknown>) })),
    update: (resource, params) => withFieldErrors(base.update(resource, { ...params, data: writableBody(resource, params.data as Record<string, unknown>) })),
    async getIndicatorSummary(scope, options = {}) {
      const { json } = await httpClient(`${apiUrl}/indicators/summary?${scopeQuery(scope)}`, { signal: options.signal });
      return json as IndicatorSummary;
    },
    async getIndicatorSeries(scope, groupBy, options = {}) {
      const extra: Record<string, string> = { groupBy };
      if (options.granularity) extra.granularity = options.granularity;
      const { json } = await httpClient(`${apiUrl}/indicators/series?${scopeQuery(scope, extra)}`, { signal: options.signal });
      const series = json as Partial<IndicatorSeries> | undefined;
      return {
        groupBy: series?.groupBy ?? groupBy,
        items: Array.isArray(series?.items) ? series.items : [],
        // by period over a range: every period with what it rests on (no data, not approved)
        ...(Array.isArray(series?.periods) ? { periods: series.periods } : {}),
      };
    },
    async getIndicatorPayers(scope, options = {}) {
      const { json } = await httpClient(`${apiUrl}/indicators/series?${scopeQuery(scope, { groupBy: 'payer' })}`, { signal: options.signal });
      const items = (json as { items?: unknown } | undefined)?.items;
      return Array.isArray(items) ? (items as PayerItem[]) : [];
    },
    async getIndicatorExplain(scope, indicator, options = {}) {
      const { json } = await httpClient(`${apiUrl}/indicators/explain?${scopeQuery(scope, { indicator })}`, { signal: options.signal });
      return json as Explanation;
    },
    async getFile(path, query, language) {
      const { blob, headers } = await httpClient(`${apiUrl}${path}?${new URLSearchParams(query).toString()}`, {
        headers: {
          Accept: 'application/pdf, text/html, text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ...(language ? { 'Accept-Language': language } : {}),
        },
      });
      const disposition = headers.get('Content-Disposition') ?? '';
      const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
      return { blob: blob ?? new Blob([]), filename: named ? decodeURIComponent(named) : (path.split('/').pop() ?? 'levier') };
    },
    async getScenario(scope) {
      const { body, headers } = await httpClient(`${apiUrl}/indicators/scenario?${scopeQuery(scope)}`);
      const disposition = headers.get('Content-Disposition') ?? '';
      const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
      const filename = named ? decodeURIComponent(named) : `levier-calcul-${scope.orgUnit || 'organisation'}-${scope.from}-${scope.to}.json`;
      return { blob: new Blob([body], { type: 'application/json' }), filename };
    },
    async getReallocation(scope, options = {}) {
      // Organisation-wide, `from`/`to` only (the API refuses any other parameter), as years or months.
      const { json } = await httpClient(`${apiUrl}/indicators/reallocation?${scopeQuery(reallocationRange(scope))}`, { signal: options.signal });
      return json as Reallocation;
    },
    async getAlerts(scope, options = {}) {
      // Targets are yearly: the year the scope ends in, for its org unit (`orgUnit` + `year` only).
      const query = scopeQuery({ orgUnit: scope.orgUnit, from: '', to: '' }, { year: scope.to.slice(0, 4) });
      const { json } = await httpClient(`${apiUrl}/indicators/alerts?${query}`, { signal: options.signal });
      const items = (json as { items?: unknown } | undefined)?.items;
      return Array.isArray(items) ? (items as IndicatorAlert[]) : [];
    },
    async apiGet<T>(path: string, options: Options = {}) {
      const { json } = await httpClient(`${apiUrl}${path}`, { signal: options.signal });
      return json as T;
    },
    async apiPost<T>(path: string, body: unknown) {
      const { json, status } = await httpClient(`${apiUrl}${path}`, {
        method: 'POST',
        body: body instanceof FormData ? body : JSON.stringify(body),
      });
      return { status, json: json as T };
    },
  };
};
