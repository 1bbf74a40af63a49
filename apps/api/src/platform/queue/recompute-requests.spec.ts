import { JobProducer } from './job-producer';
import { RECOMPUTE_DELAY_MS, RECOMPUTE_JOBS } from './job-map';
import { IMPORT_BURST_DELAY_MS, RecomputeRequests } from './recompute-requests';

const ORG = '0190a0b0-0000-7000-8000-000000000001';

const schedulerWith = () => {
  const calls: { name: string; data: unknown; opts: { delay?: number; deduplication?: { id: string; keepLastIfActive?: boolean } } }[] = [];
  const producer = {
    enqueue: (_queue: string, name: string, data: unknown, opts: (typeof calls)[number]['opts']) => {
      calls.push({ name, data, opts });
      return Promise.resolve();
    },
  } as unknown as JobProducer;
  return { scheduler: new RecomputeRequests(producer), calls };
};

const periodId = (organisationId: string, period: string): string => RECOMPUTE_JOBS.recompute.deduplicationId({ organisationId, periods: [period] });

describe(RecomputeRequests.name, () => {
  it('enqueues one job per period for a single change, keyed by organisation and period', async () => {
    const { scheduler, calls } = schedulerWith();
    await scheduler.periodsChanged(ORG, ['2024-10', '2024-10']);
    expect(calls).toEqual([
      {
        name: 'recompute',
        data: { organisationId: ORG, periods: ['2024-10'] },
        opts: expect.objectContaining({ delay: 0, deduplication: { id: periodId(ORG, '2024-10'), keepLastIfActive: true, reschedule: true } }),
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
    expect(ids[0]).not.toBe(periodId(ORG, '2024-01'));
    expect(calls.every((c) => c.opts.deduplication!.keepLastIfActive)).toBe(true);
  });

  it('defers an import’s recompute while other imports are in flight: same job id as an immediate request, pushed back by each file, brought forward by the next immediate request', async () => {
    const { scheduler, calls } = schedulerWith();
    await scheduler.periodsChangedDuringImports(ORG, ['2024-02', '2024-01']);
    await scheduler.periodsChangedDuringImports(ORG, ['2024-01', '2024-02']);
    await scheduler.periodsChanged(ORG, ['2024-02', '2024-01']);
    expect(calls.map((c) => [c.data, c.opts.delay, c.opts.deduplication])).toEqual([
      [
        { organisationId: ORG, periods: ['2024-01', '2024-02'] },
        IMPORT_BURST_DELAY_MS,
        { id: calls[2].opts.deduplication!.id, keepLastIfActive: true, reschedule: true },
      ],
      [
        { organisationId: ORG, periods: ['2024-01', '2024-02'] },
        IMPORT_BURST_DELAY_MS,
        { id: calls[2].opts.deduplication!.id, keepLastIfActive: true, reschedule: true },
      ],
      [{ organisationId: ORG, periods: ['2024-01', '2024-02'] }, 0, { id: calls[2].opts.deduplication!.id, keepLastIfActive: true, reschedule: true }],
    ]);
    expect(calls[2].opts.deduplication!.id).toBe(RECOMPUTE_JOBS.recompute.deduplicationId({ organisationId: ORG, periods: ['2024-01', '2024-02'] }));
  });

  it('releases the deferred recomputes of one organisation only, and logs rather than throws when the queue is down', async () => {
    const promoted: string[] = [];
    const job = (id: string, name: string, data: unknown) => ({ id, name, data, promote: () => Promise.resolve(void promoted.push(id)) });
    const OTHER = '0190a0b0-0000-7000-8000-000000000002';
    const delayed = [
      job('a', 'recompute', { organisationId: ORG, periods: ['2024-01', '2024-02'] }),
      job('b', 'recompute', { organisationId: OTHER, periods: ['2024-01'] }),
      job('c', 'recompute', { organisationId: ORG, periods: [] }),
      job('d', 'recompute-custom', { organisationId: ORG }),
      {
        ...job('e', 'recompute', { organisationId: ORG, periods: ['2024-03'] }),
        promote: () => Promise.reject(new Error('Job e is not in the delayed state')),
      },
    ];
    const producer = { queue: () => ({ getDelayed: () => Promise.resolve(delayed) }) } as unknown as JobProducer;
    await expect(new RecomputeRequests(producer).releaseDeferred(ORG)).resolves.toBe(1);
    expect(promoted).toEqual(['a']);
    const down = { queue: () => ({ getDelayed: () => Promise.reject(new Error('Redis indisponible')) }) } as unknown as JobProducer;
    await expect(new RecomputeRequests(down).releaseDeferred(ORG)).resolves.toBe(0);
  });

  it('enqueues nothing when nothing changed, and never throws when the queue is down', async () => {
    const { scheduler, calls } = schedulerWith();
    await scheduler.periodsChanged(ORG, []);
    expect(calls).toEqual([]);
    const down = new RecomputeRequests({ enqueue: () => Promise.reject(new Error('Redis indisponible')) } as unknown as JobProducer);
    await expect(down.periodsChanged(ORG, ['2024-01', '2024-02'])).resolves.toBeUndefined();
  });

  it('requests every period, the custom indicators and the reallocation after a short delay, each under one id per organisation', async () => {
    const { scheduler, calls } = schedulerWith();
    await scheduler.everyPeriod(ORG);
    await scheduler.customIndicators(ORG);
    await scheduler.reallocation(ORG);
    expect(calls.map((c) => [c.name, c.data, c.opts.delay, c.opts.deduplication])).toEqual([
      ['recompute', { organisationId: ORG, periods: [] }, RECOMPUTE_DELAY_MS, { id: `recompute-${ORG}-all`, keepLastIfActive: true }],
      ['recompute-custom', { organisationId: ORG }, RECOMPUTE_DELAY_MS, { id: `recompute-custom-${ORG}`, keepLastIfActive: true }],
      ['recompute-reallocation', { organisationId: ORG }, RECOMPUTE_DELAY_MS, { id: `recompute-reallocation-${ORG}`, keepLastIfActive: true }],
    ]);
  });

  it('lets the initial recompute of worker start fail when the queue is down, so that the worker tries again', async () => {
    const down = new RecomputeRequests({ enqueue: () => Promise.reject(new Error('Redis indisponible')) } as unknown as JobProducer);
    await expect(down.initial(ORG)).rejects.toThrow('Redis indisponible');
  });
});
