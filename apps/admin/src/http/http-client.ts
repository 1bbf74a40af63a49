/**
 * fetch for the data provider: JSON, `Authorization: Bearer`, one refresh-and-retry on 401,
 * and errors surfaced as react-admin `HttpError`s carrying the problem+json detail.
 */
import { HttpError } from 'react-admin';
import type { Session } from '../auth/session';
import { problemMessage } from './problem';

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
  json: unknown;
  /** The raw body of a binary answer (PDF, XLSX…): asked for with an `Accept` header that names no JSON type. */
  blob?: Blob;
}

export type HttpClient = (url: string, options?: RequestInit) => Promise<HttpResponse>;

const HTTP_FALLBACK: Record<number, string> = {
  401: 'levier.errors.unauthorized',
  403: 'levier.errors.forbidden',
  404: 'levier.errors.not_found',
};

export const createHttpClient = (session: Session, fetchImpl: typeof fetch = (i, init) => globalThis.fetch(i, init)): HttpClient => {
  const send = (url: string, options: RequestInit, token: string | null): Promise<Response> => {
    const headers = new Headers(options.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    if (options.body !== undefined && options.body !== null && !(options.body instanceof FormData) && !headers.has('Content-Type')) {
      headers.set('Content-Type', 'application/json');
    }
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return fetchImpl(url, { ...options, headers, credentials: 'same-origin' });
  };

  return async (url, options = {}) => {
    let res = await send(url, options, await session.getToken());
    if (res.status === 401 && (await session.refresh())) {
      res = await send(url, options, await session.getToken());
    }
    const accept = new Headers(options.headers).get('Accept');
    if (res.ok && accept !== null && !accept.includes('json'))
      return { status: res.status, headers: res.headers, body: '', json: undefined, blob: await res.blob() };
    const body = await res.text();
    let json: unknown = undefined;
    if (body) {
      try {
        json = JSON.parse(body) as unknown;
      } catch {
        json = undefined;
      }
    }
    if (!res.ok) {
      const fallback = HTTP_FALLBACK[res.status] ?? (res.status >= 500 ? 'levier.errors.server' : res.statusText || 'levier.errors.server');
      throw new HttpError(problemMessage(json, fallback), res.status, json);
    }
    return { status: res.status, headers: res.headers, body, json };
  };
};
