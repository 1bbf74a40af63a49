/**
 * The signed-in session, kept in memory only: the access token never touches localStorage.
 * On page load the session is restored from the httpOnly refresh cookie (`POST /api/auth/refresh`), only when the
 * API's companion cookie `levier_session` says there is one (a signed-out page never spends refreshes).
 * Concurrent refreshes share one request, because the refresh token rotates. A refresh answered 429 (rate limit) is
 * retried after its Retry-After, a few times at most, and then fails with the API's French message: never a silent
 * sign-out.
 */
import type { AuthResponse, SessionUser } from './auth.types';
import { problemMessage } from '../http/problem';

export interface SessionDeps {
  fetch: typeof fetch;
  now: () => number;
  apiUrl: string;
  /** Whether the API's non-httpOnly `levier_session` cookie is there (no secret in it); absent → no refresh attempt. */
  hasSessionCookie?: () => boolean;
  /** Waits before retrying a refresh answered 429 (tests: resolves at once). */
  sleep?: (ms: number) => Promise<void>;
}

/** The companion cookie the API sets with the refresh cookie and clears with it. */
export const SESSION_COOKIE = 'levier_session';
/** Refreshes answered 429 retried at most this many times, each after Retry-After (capped). */
export const MAX_REFRESH_RETRIES = 3;
const MAX_RETRY_WAIT_MS = 10_000;

/** Whether `cookieHeader` (`document.cookie`) holds `levier_session=1`. */
export const hasSessionCookieIn = (cookieHeader: string): boolean => cookieHeader.split(';').some((c) => c.trim() === `${SESSION_COOKIE}=1`);

/** Milliseconds to wait from a Retry-After header (seconds), between 1 s and 10 s. */
const retryWaitMs = (header: string | null): number => {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(MAX_RETRY_WAIT_MS, Math.ceil(seconds) * 1000) : 1000;
};

interface SessionState {
  accessToken: string;
  expiresAt: number;
  user: SessionUser;
}

export class AuthError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** Refresh this long before the token expires, so a request never leaves with a token about to die. */
const EXPIRY_MARGIN_MS = 15_000;
/** Header the API requires on cookie-authenticated calls (CSRF defence). */
export const CSRF_HEADER = { 'X-Requested-With': 'levier' } as const;

export interface Session {
  login(email: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  /**
   * Uses the refresh cookie; resolves null when there is no valid session (no companion cookie: no request at all).
   * Rejects with an AuthError (status 429, the API's French message) when the rate limit still refuses after retries.
   */
  refresh(): Promise<SessionUser | null>;
  /** A valid access token, refreshed if expired; null when signed out. */
  getToken(): Promise<string | null>;
  /** The user, restoring the session from the cookie if needed. */
  getUser(): Promise<SessionUser | null>;
  clear(): void;
}

export const createSession = (deps: SessionDeps): Session => {
  let state: SessionState | null = null;
  let refreshing: Promise<SessionUser | null> | null = null;

  const store = (res: AuthResponse): SessionUser => {
    state = { accessToken: res.accessToken, expiresAt: deps.now() + res.expiresIn * 1000, user: res.user };
    return res.user;
  };

  const post = (path: string, body?: unknown): Promise<Response> =>
    deps.fetch(`${deps.apiUrl}${path}`, {
      method: 'POST',
      credentials: 'include',
      headers: {
        Accept: 'application/json',
        ...CSRF_HEADER,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const readJson = async (res: Response): Promise<unknown> => {
    const text = await res.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };

  const hasSessionCookie = deps.hasSessionCookie ?? (() => true);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const doRefresh = async (): Promise<SessionUser | null> => {
    if (!hasSessionCookie()) {
      state = null;
      return null;
    }
    for (let attempt = 0; ; attempt += 1) {
      let res: Response;
      try {
        res = await post('/auth/refresh');
      } catch {
        // Network failure: keep whatever we had, the caller decides.
        return null;
      }
      if (res.status === 429) {
        const message = problemMessage(await readJson(res), 'levier.auth.too_many_requests');
        if (attempt >= MAX_REFRESH_RETRIES) throw new AuthError(message, 429);
        await sleep(retryWaitMs(res.headers.get('Retry-After')));
        continue;
      }
      if (!res.ok) {
        state = null;
        return null;
      }
      return store((await readJson(res)) as AuthResponse);
    }
  };

  const refresh = (): Promise<SessionUser | null> => {
    refreshing ??= doRefresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  return {
    async login(email, password) {
      const res = await post('/auth/login', { email, password });
      const json = await readJson(res);
      if (!res.ok) {
        state = null;
        throw new AuthError(problemMessage(json, res.status === 401 ? 'levier.auth.invalid_credentials' : 'levier.auth.login_failed'), res.status);
      }
      return store(json as AuthResponse);
    },
    async logout() {
      const wasSignedIn = state !== null;
      state = null;
      // react-admin also "logs out" a visitor who never signed in: no server call then.
      if (!wasSignedIn) return;
      try {
        await post('/auth/logout');
      } catch {
        // Signed out locally even if the server is unreachable.
      }
    },
    refresh,
    async getToken() {
      if (state && state.expiresAt - EXPIRY_MARGIN_MS > deps.now()) return state.accessToken;
      if (!state) return null;
      await refresh();
      return state?.accessToken ?? null;
    },
    async getUser() {
      if (state) return state.user;
      return refresh();
    },
    clear() {
      state = null;
    },
  };
};

/** The browser's session, shared by the auth and data providers. */
export const browserSession = (): Session =>
  createSession({
    fetch: (input, init) => globalThis.fetch(input, init),
    now: () => Date.now(),
    apiUrl: '/api',
    hasSessionCookie: () => hasSessionCookieIn(globalThis.document?.cookie ?? ''),
  });
