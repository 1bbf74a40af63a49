/** A scripted fetch: each call is recorded and answered by the handler. */
export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
}

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

export const fakeFetch = (handler: (call: RecordedCall, index: number) => Reply | Promise<Reply>) => {
  const calls: RecordedCall[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: RecordedCall = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
    };
    calls.push(call);
    const reply = await handler(call, calls.length - 1);
    const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return {
      ok: reply.status >= 200 && reply.status < 300,
      status: reply.status,
      statusText: String(reply.status),
      headers: new Headers(reply.headers ?? {}),
      text: async () => text,
    } as Response;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
};
