import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { seedDemo } from '../../../apps/api/src/demo/seed-demo';
import { DEMO_PASSWORD } from '../../../apps/api/src/demo/demo-tenants';
import { createTestApi, TestApi } from '../../setup/test-app';
import type { SummaryRecorder } from './summary';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/**
 * The real API module in this process, over a fresh seeded database, LISTENING on a free port, driven with fetch
 * (so a thousand concurrent requests share one server). Every answer goes through `check`: a 5xx is counted.
 */
export class FaultsApi {
  private constructor(
    readonly api: TestApi,
    readonly base: string,
    private readonly summary: SummaryRecorder,
  ) {}

  static async start(summary: SummaryRecorder, env: Record<string, string> = {}): Promise<FaultsApi> {
    const api = await createTestApi(env);
    await seedDemo(await api.db.dataSource());
    // a listen backlog of 4096 (Node's default is 511): a thousand concurrent clients connect at once
    const server = api.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => resolve()));
    const { port } = (api.app.getHttpServer() as Server).address() as AddressInfo;
    return new FaultsApi(api, `http://127.0.0.1:${port}`, summary);
  }

  async request(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: BodyInit; json?: unknown; timeoutMs?: number } = {},
  ): Promise<HttpResult> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    let body = init.body;
    if (init.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof init.json === 'string' ? init.json : JSON.stringify(init.json);
    }
    // a client with an Idempotency-Key retries a request whose connection failed, as real clients do: the key makes it safe
    const retries = headers['Idempotency-Key'] ? 3 : 0;
    let res: Response | undefined;
    for (let attempt = 0; ; attempt += 1) {
      try {
        res = await fetch(`${this.base}${path}`, { method, headers, body, signal: AbortSignal.timeout(init.timeoutMs ?? 60_000) });
        break;
      } catch (err) {
        if (attempt >= retries || (err as Error).name === 'TimeoutError') throw err;
        this.summary.note(`nouvel essai de ${method} ${path} après ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      }
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      parsed = text;
    }
    if (res.status >= 500) {
      this.summary.add('http500');
      this.summary.note(`${res.status} sur ${method} ${path} : ${text.slice(0, 300)}`);
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  async login(email: string): Promise<Record<string, string>> {
    const res = await this.request('POST', '/api/auth/login', { json: { email, password: DEMO_PASSWORD } });
    if (res.status !== 200) throw new Error(`connexion ${email} : ${res.status} ${res.text}`);
    return { Authorization: `Bearer ${(res.body as { accessToken: string }).accessToken}` };
  }

  /** POST /api/submissions with a multipart file. */
  submitFile(
    auth: Record<string, string>,
    bytes: Uint8Array,
    filename: string,
    mime = 'text/csv',
    idempotencyKey?: string,
    timeoutMs?: number,
  ): Promise<HttpResult> {
    const form = new FormData();
    form.append('file', new Blob([Uint8Array.from(bytes)], { type: mime }), filename);
    return this.request('POST', '/api/submissions', {
      headers: { ...auth, ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) },
      body: form,
      timeoutMs,
    });
  }

  submitJson(auth: Record<string, string>, body: unknown, idempotencyKey?: string): Promise<HttpResult> {
    return this.request('POST', '/api/submissions', { headers: { ...auth, ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) }, json: body });
  }

  close(): Promise<void> {
    return this.api.close();
  }
}

/** A 4xx answer is RFC 9457 problem+json with a French, non-empty `detail`. */
export const problemIssue = (res: HttpResult): string | null => {
  if (res.status < 400 || res.status >= 500) return null;
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) return `${res.status} sans problem+json (${type}) : ${res.text.slice(0, 200)}`;
  const body = res.body as { detail?: unknown; status?: unknown; title?: unknown };
  if (typeof body.detail !== 'string' || body.detail.trim().length < 8) return `${res.status} sans detail : ${res.text.slice(0, 200)}`;
  if (body.status !== res.status) return `${res.status} mais status ${String(body.status)} dans le corps`;
  if (/^(Bad Request|Unauthorized|Forbidden|Not Found|Internal|Unexpected|Cannot|Validation failed|Payload Too Large)\b/i.test(body.detail)) {
    return `${res.status} avec un detail en anglais : ${body.detail}`;
  }
  return null;
};
