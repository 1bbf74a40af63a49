import { DataSource } from 'typeorm';
import { loadConfig } from '../platform/config/app-config';
import { HealthService } from './health.service';

const fakeDataSource = (query: () => Promise<unknown>): DataSource => ({ query }) as unknown as DataSource;

describe(HealthService.name, () => {
  it('reports an error when PostgreSQL fails and Redis is unreachable', async () => {
    const sut = new HealthService(
      fakeDataSource(() => Promise.reject(new Error('down'))),
      loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' }),
    );
    await expect(sut.check()).resolves.toEqual({ status: 'error', checks: { postgres: 'down', redis: 'down' } });
    await sut.onModuleDestroy();
  });

  it('reports postgres up when its query answers', async () => {
    const sut = new HealthService(
      fakeDataSource(() => Promise.resolve([{ '?column?': 1 }])),
      loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' }),
    );
    const report = await sut.check();
    expect(report.checks.postgres).toBe('up');
    expect(report.status).toBe('error');
    await sut.onModuleDestroy();
  });
});
