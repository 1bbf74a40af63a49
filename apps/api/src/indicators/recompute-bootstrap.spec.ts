import type { DataSource } from 'typeorm';
import { RecomputeBootstrap } from './recompute-bootstrap';
import type { JobProducer } from '../platform/queue/job-producer';
import { RecomputeRequests } from '../platform/queue/recompute-requests';

const ORG = '0190a0b0-0000-7000-8000-000000000001';

describe('RecomputeBootstrap', () => {
  afterEach(() => jest.useRealTimers());

  it('survives a database cut at start: it does not throw (the worker keeps running) and asks for the initial recompute once the database answers', async () => {
    jest.useFakeTimers();
    let calls = 0;
    const dataSource = {
      query: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('terminating connection due to administrator command')) : Promise.resolve([{ id: ORG }]);
      },
    } as unknown as DataSource;
    const enqueued: string[] = [];
    const jobs = {
      enqueue: (_queue: string, name: string, data: { organisationId: string }) => (enqueued.push(`${name} ${data.organisationId}`), Promise.resolve()),
    };
    const sut = new RecomputeBootstrap(dataSource, new RecomputeRequests(jobs as unknown as JobProducer));

    await expect(sut.onApplicationBootstrap()).resolves.toBeUndefined();
    expect(enqueued).toEqual([]);
    await jest.advanceTimersByTimeAsync(5000);
    expect({ calls, enqueued }).toEqual({ calls: 2, enqueued: [`recompute ${ORG}`] });
  });

  it('stops retrying once the worker shuts down', async () => {
    jest.useFakeTimers();
    let calls = 0;
    const dataSource = { query: () => ((calls += 1), Promise.reject(new Error('connection refused'))) } as unknown as DataSource;
    const sut = new RecomputeBootstrap(dataSource, new RecomputeRequests({} as JobProducer));
    await sut.onApplicationBootstrap();
    sut.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(30_000);
    expect(calls).toBe(1);
  });
});
