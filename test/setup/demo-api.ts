import { TestingModule } from '@nestjs/testing';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { createTestApi, TestApi } from './test-app';
import { loginAs } from './demo-session';
import { startTestWorker } from './test-worker';

export type Auth = { Authorization: string };

export interface DemoApi {
  api: TestApi;
  /** The demo's organisations by name (« CCAS de Valmont », « CCAS de Bellerive ») → id. */
  organisations: ReadonlyMap<string, string>;
  /** CCAS de Valmont's id, the organisation most suites read. */
  valmontId: string;
}

/** The real API over a fresh database with the demo seeded (the e2e suites' usual start). */
export const startDemoApi = async (): Promise<DemoApi> => {
  const api = await createTestApi();
  const seeded = await seedDemo(await api.db.dataSource());
  const organisations = new Map(seeded.organisations.map((o) => [o.name, o.id]));
  return { api, organisations, valmontId: organisations.get('CCAS de Valmont')! };
};

/** The real WorkerModule over the API's database and queue prefix (test/setup/test-worker.ts), to recompute read models. */
export const startDemoWorker = (api: TestApi): Promise<TestingModule> => startTestWorker(api.db.url, api.queuePrefix);

/** Logs demo accounts in, one after the other: `{ admin: 'admin@valmont.demo' }` → `{ admin: { Authorization } }`. */
export const demoLogins = async <K extends string>(api: TestApi, accounts: Record<K, string>): Promise<Record<K, Auth>> => {
  const out = {} as Record<K, Auth>;
  for (const [key, email] of Object.entries(accounts) as Array<[K, string]>) out[key] = await loginAs(api.app, email);
  return out;
};
