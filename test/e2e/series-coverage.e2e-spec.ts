import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { RecomputeService } from '../../apps/api/src/indicators/savings/recompute.service';
import type { TestApi } from '../setup/test-app';
import { startDemoApi, startDemoWorker } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';

type Period = { key: string; coverage: string; status: string; complete: boolean; months: number; monthsWithData: number };
type Item = { key: string; grossSavings: string | null };

/**
 * The series says which of its periods have data and which are approved (issue 14, item 1): the dashboard draws a month
 * without data as « pas de données » and a draft month « tel que publié » as « non approuvé », never as 0 €, from what the
 * API says. The demo holds 2023 (approved) and 2024 (drafts) only.
 */
describe('GET /api/indicators/series: periods without data or not approved', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let director: { Authorization: string };
  let bellerive: { Authorization: string };
  const series = (auth: { Authorization: string }, query: Record<string, string>) =>
    request(api.app.getHttpServer())
      .get('/api/indicators/series')
      .query({ orgUnit: 'VALMONT', groupBy: 'period', ...query })
      .set(auth);

  beforeAll(async () => {
    const demo = await startDemoApi();
    api = demo.api;
    worker = await startDemoWorker(api);
    await worker.get(RecomputeService).recompute(demo.valmontId, []);
    director = await loginAs(api.app, 'directeur@valmont.demo');
    bellerive = await loginAs(api.app, 'directeur@bellerive.demo');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('lists every month of the range; the months after the data are no_data and carry no item', async () => {
    const res = await series(director, { from: '2024-10', to: '2025-02', granularity: 'month' }).expect(200);
    const periods = res.body.periods as Period[];
    expect(periods.map((p) => [p.key, p.coverage])).toEqual([
      ['2024-10', 'data'],
      ['2024-11', 'data'],
      ['2024-12', 'data'],
      ['2025-01', 'no_data'],
      ['2025-02', 'no_data'],
    ]);
    expect(periods[0]).toMatchObject({ status: 'draft', months: 1, monthsWithData: 1 });
    expect(periods[3]).toMatchObject({ status: 'none', complete: false, monthsWithData: 0 });
    // no 0 € point for a month without data: the items hold the months with values only
    expect((res.body.items as Item[]).map((i) => i.key)).toEqual(['2024-10', '2024-11', '2024-12']);
  });

  it('« tel que publié »: the approved year has data, the draft year is unapproved, without any value', async () => {
    const res = await series(director, { from: '2023-01', to: '2024-12', granularity: 'quarter', basis: 'reported' }).expect(200);
    expect((res.body.periods as Period[]).map((p) => [p.key, p.coverage, p.status])).toEqual([
      ['2023-Q1', 'data', 'approved'],
      ['2023-Q2', 'data', 'approved'],
      ['2023-Q3', 'data', 'approved'],
      ['2023-Q4', 'data', 'approved'],
      ['2024-Q1', 'unapproved', 'draft'],
      ['2024-Q2', 'unapproved', 'draft'],
      ['2024-Q3', 'unapproved', 'draft'],
      ['2024-Q4', 'unapproved', 'draft'],
    ]);
    expect((res.body.items as Item[]).map((i) => i.key)).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4']);
    const current = await series(director, { from: '2024-01', to: '2024-12', granularity: 'quarter' }).expect(200);
    expect((current.body.periods as Period[]).map((p) => p.coverage)).toEqual(['data', 'data', 'data', 'data']);
  });

  it('answers without periods when no range is asked (the whole history), and never for another tenant’s unit', async () => {
    const all = await series(director, { granularity: 'month' }).expect(200);
    expect(all.body.periods).toBeUndefined();
    expect(all.body.items.length).toBe(24);
    const other = await series(bellerive, { from: '2024-01', to: '2024-12' });
    expect([400, 404]).toContain(other.status);
    expect(JSON.stringify(other.body)).not.toContain('"periods"');
  });
});
