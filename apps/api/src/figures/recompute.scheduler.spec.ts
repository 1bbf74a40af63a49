import { JobProducer } from '../platform/queue/job-producer';
import { RecomputeScheduler } from './recompute.scheduler';

const ORG = '0190a0b0-0000-7000-8000-000000000001';

const schedulerWith = () => {
  const calls: { data: unknown; opts: { deduplication?: { id: string; keepLastIfActive?: boolean } } }[] = [];
  const producer = {
    enqueue: (_queue: string, _name: string, data: unknown, opts: (typeof calls)[number]['opts']) => {
      calls.push({ data, opts });
      return Promise.resolve();
    },
  } as unknown as JobProducer;
  return { scheduler: new RecomputeScheduler(producer), calls };
};

describe('RecomputeScheduler', () => {
  it('enqueues one job per period for a single change, keyed by organisation and period', async () => {
    const { scheduler, calls } = schedulerWith();
    await scheduler.periodsChanged(ORG, ['2024-10', '2024-10']);
    expect(calls).toEqual([
      {
        data: { organisationId: ORG, periods: ['2024-10'] },
        opts: expect.objectContaining({ deduplication: { id: RecomputeScheduler.deduplicationId(ORG, '2024-10'), keepLastIfActive: true } }),
      },
    ]);
  });

  it('enqueues ONE job for an import of several periods, with the same id for the same set in any order', async () => {
    const { scheduler, calls } = schedulerWith();
    await scheduler.periodsChanged(ORG, ['2024-02', '2024-01', '2024-03']);
    await scheduler.periodsChanged(ORG, ['2024-03', '2024-01', '2024-02', '2024-01']);
    await scheduler.periodsChanged(ORG, ['2024-01', '2024-02']);
    expect(calls.map((c) => c.data)).toEqual([
      { organisationId: ORG, periods: ['2024-01', '2024-02', '2024-03'] },
      { organisationId: ORG, periods: ['2024-01', '2024-02', '2024-03'] },
      { organisationId: ORG, periods: ['2024-01', '2024-02'] },
    ]);
    const ids = calls.map((c) => c.opts.deduplication!.id);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(ids[0]).not.toBe(RecomputeScheduler.deduplicationId(ORG, '2024-01'));
    expect(calls.every((c) => c.opts.deduplication!.keepLastIfActive)).toBe(true);
  });

  it('enqueues nothing when nothing changed, and never throws when the queue is down', async () => {
    const { scheduler, calls } = schedulerWith();
    await scheduler.periodsChanged(ORG, []);
    expect(calls).toEqual([]);
    const down = new RecomputeScheduler({ enqueue: () => Promise.reject(new Error('Redis indisponible')) } as unknown as JobProducer);
    await expect(down.periodsChanged(ORG, ['2024-01', '2024-02'])).resolves.toBeUndefined();
  });
});
