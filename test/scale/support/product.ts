import { DEMO_PASSWORD } from '../../../apps/api/src/demo/demo-tenants';
import { freePort } from '../../faults/support/private-redis';
import { LevierProcess, ProcessEnv } from '../../faults/support/processes';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The built API and `workers` worker processes, side by side on one database and one Redis topology. */
export class Product {
  private constructor(
    readonly base: string,
    private readonly api: LevierProcess,
    readonly workers: LevierProcess[],
  ) {}

  static async start(env: ProcessEnv, workers: number, logName: string): Promise<Product> {
    const port = await freePort();
    const api = LevierProcess.api({ ...env, PORT: String(port) }, `${logName}-api`);
    const product = new Product(
      `http://127.0.0.1:${port}`,
      api,
      Array.from({ length: workers }, (_, i) => LevierProcess.worker(env, `${logName}-worker-${i + 1}`)),
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`${product.base}/api/health`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) return product;
      if (!api.alive || Date.now() > deadline) {
        await product.stop();
        throw new Error(`l'API ne démarre pas : ${api.lastWords().join('\n')}`);
      }
      await sleep(200);
    }
  }

  async login(email: string): Promise<Record<string, string>> {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`connexion ${email} : ${res.status} ${await res.text()}`);
    return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
  }

  async json<T>(auth: Record<string, string>, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.base}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...auth, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as T };
  }

  async submitCsv(auth: Record<string, string>, csv: string, filename: string): Promise<{ status: number; id: string }> {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), filename);
    const res = await fetch(`${this.base}/api/submissions`, { method: 'POST', headers: auth, body: form });
    const body = (await res.json()) as { id: string };
    return { status: res.status, id: body.id };
  }

  /** Whether every process is still running (none died of the fault). */
  deaths(): string[] {
    return [this.api, ...this.workers].filter((p) => !p.alive).map((p) => p.lastWords().join('\n'));
  }

  async stop(): Promise<void> {
    await Promise.all([this.api, ...this.workers].map((p) => p.stop()));
  }
}
