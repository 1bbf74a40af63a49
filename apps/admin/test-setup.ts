/** jsdom shims for the admin component tests (jest `setupFiles`, runs before each test file). */
import { TextDecoder, TextEncoder } from 'node:util';

const g = globalThis as unknown as Record<string, unknown>;

// react-router 7 and some react-admin helpers need TextEncoder, missing from jest-environment-jsdom.
if (g.TextEncoder === undefined) g.TextEncoder = TextEncoder;
if (g.TextDecoder === undefined) g.TextDecoder = TextDecoder;

// react-router's data routers (react-admin's, and TestMemoryRouter) build a fetch Request on every
// navigation; jsdom has Headers but no Request. Only url, method, headers and signal are read.
if (g.Request === undefined) {
  g.Request = class Request {
    readonly url: string;
    readonly method: string;
    readonly headers: Headers;
    readonly signal: AbortSignal;
    readonly body: BodyInit | null;
    constructor(input: string | URL | { url: string }, init: RequestInit = {}) {
      this.url = typeof input === 'object' && 'url' in input ? input.url : String(input);
      this.method = (init.method ?? 'GET').toUpperCase();
      this.headers = new Headers(init.headers);
      this.signal = init.signal ?? new AbortController().signal;
      this.body = init.body ?? null;
    }
  };
}

// recharts' ResponsiveContainer observes its parent's size.
if (g.ResizeObserver === undefined) {
  g.ResizeObserver = class ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

if (typeof window !== 'undefined') {
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  // jsdom logs "Not implemented: window.scrollTo" on every navigation.
  window.scrollTo = (() => undefined) as typeof window.scrollTo;
}
