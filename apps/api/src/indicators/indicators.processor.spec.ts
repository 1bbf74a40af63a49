import type { Job } from 'bullmq';
import { IndicatorsProcessor } from './indicators.processor';
import type { RecomputeService } from './savings/recompute.service';
import type { CustomIndicatorRecomputeService } from './custom/custom-indicator-recompute.service';
import type { ReallocationRecomputeService } from './reallocation/reallocation-recompute.service';
import type { RecomputeRequests } from '../platform/queue/recompute-requests';

const ORG = '0190a0b0-0000-7000-8000-000000000001';

describe('IndicatorsProcessor', () => {
  it('after a figures recompute, refreshes the custom indicators of the same periods and schedules the reallocation (its spend fallback)', async () => {
    const calls: string[] = [];
    const sut = new IndicatorsProcessor(
      {
        recompute: (org: string, periods: string[]) => (calls.push(`savings ${org} ${periods.join(',')}`), Promise.resolve({ rows: 3 })),
      } as unknown as RecomputeService,
      {
        recompute: (org: string, periods: string[]) => (calls.push(`custom ${org} ${periods.join(',')}`), Promise.resolve({ rows: 1 })),
      } as unknown as CustomIndicatorRecomputeService,
      {} as ReallocationRecomputeService,
      { reallocation: (org: string) => (calls.push(`reallocation ${org}`), Promise.resolve()) } as unknown as RecomputeRequests,
    );
    const job = { name: 'recompute', data: { organisationId: ORG, periods: ['2024-01', '2024-02'] } } as unknown as Job<
      { organisationId: string; periods: string[] },
      unknown,
      'recompute'
    >;
    expect(await sut.process(job)).toEqual({ rows: 3 });
    expect(calls).toEqual([`savings ${ORG} 2024-01,2024-02`, `custom ${ORG} 2024-01,2024-02`, `reallocation ${ORG}`]);
  });
});
