import { getQueueToken } from '@nestjs/bullmq';
import { TestingModule } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import request from 'supertest';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { loginAs } from '../setup/demo-session';
import { startTestWorker } from '../setup/test-worker';

interface Summary {
  grossSavings: string;
  netSavings: string;
  methodologyVersion: { version: number } | null;
}
interface UnitCost {
  id: string;
  code: string;
  amount: string;
  [field: string]: unknown;
}

/**
 * « Tel que publié » (basis=reported) freezes an approved period under the method it was approved with; « méthode
 * actuelle » (basis=current) follows every change of method. Driven only through HTTP, as an administrator would:
 * publish a version, approve a period, edit a unit cost, reopen the period with a reason, approve it again; the
 * recomputes run in a real worker (WorkerModule, the same queue prefix), and the test waits for the indicators queue
 * to be empty, never for a time.
 */
describe('methodology freezing through the API', () => {
  let api: TestApi;
  let worker: TestingModule;
  let admin: { Authorization: string };
  const http = () => request(api.app.getHttpServer());
  const scope = { orgUnit: 'VALMONT-SUD', from: '2024-02', to: '2024-02' };

  /** Until no indicators job waits, is delayed or runs (the writes enqueue before they answer). */
  const recomputed = async (): Promise<void> => {
    const queue = worker.get<Queue>(getQueueToken('indicators'));
    for (;;) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).every((n) => n === 0)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const summary = async (basis: 'current' | 'reported'): Promise<Summary> =>
    (
      await http()
        .get('/api/indicators/summary')
        .query({ ...scope, basis })
        .set(admin)
        .expect(200)
    ).body as Summary;
  /** Under the four-eyes rule (on by default) a period is submitted, here by the finance director, before the admin approves it. */
  const submitted = async () =>
    http()
      .post('/api/periods/submit')
      .set(await loginAs(api.app, 'finance@valmont.demo'))
      .send({ orgUnit: scope.orgUnit, period: scope.from })
      .expect(200);
  const period = (action: 'approve' | 'reopen', reason?: string) =>
    http()
      .post(`/api/periods/${action}`)
      .set(admin)
      .send({ orgUnit: scope.orgUnit, period: scope.from, ...(reason ? { reason } : {}) });

  beforeAll(async () => {
    ({ api: api } = await startDemoApi());
    worker = await startTestWorker(api.db.url, api.queuePrefix);
    admin = await loginAs(api.app, 'admin@valmont.demo');
  }, 180_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  }, 60_000);

  it('freezes an approved period under its method, moves the current method, and follows it again after reopen and approval', async () => {
    // the period is open in the demo (2024 is method 2's year, not approved)
    const periods = (
      await http()
        .get('/api/periods')
        .query({ filter: JSON.stringify({ orgUnit: scope.orgUnit, period: scope.from }) })
        .set(admin)
        .expect(200)
    ).body as { status: string }[];
    expect(periods.every((p) => p.status !== 'approved')).toBe(true);

    // 1. publish a version: a higher discount rate, then approve the period under it
    const published = await http()
      .post('/api/methodology-versions')
      .set(admin)
      .send({
        label: 'Méthode 3 — taux d’actualisation 4,5 %',
        effectiveFrom: '2024-01-01',
        parameters: { conventions: 2, baseYear: 2024, discountRate: '0.045', discountConvention: 1 },
      })
      .expect(201);
    const version = (published.body as { version: number }).version;
    expect(version).toBe(3);
    await recomputed();
    await submitted();
    await period('approve').expect(200);
    await recomputed();
    const approved = { reported: await summary('reported'), current: await summary('current') };
    expect(approved.reported.methodologyVersion?.version).toBe(version);
    expect(approved.reported.grossSavings).toBe(approved.current.grossSavings);
    expect(Number(approved.reported.grossSavings)).toBeGreaterThan(0);

    // 2. edit a unit cost the period uses: « méthode actuelle » moves, « tel que publié » does not;
    // the unit cost of an avoided event in the scope (SAAD's EHPAD day): every avoided event is valued at it
    const explained = (
      await http()
        .get('/api/indicators/explain')
        .query({ ...scope, indicator: 'grossSavings' })
        .set(admin)
        .expect(200)
    ).body as { assumptions: { service: string; parameters: { unitCost?: unknown } }[]; inputs: { service: string }[] };
    const valued = explained.assumptions.find((a) => typeof a.parameters.unitCost === 'string' && explained.inputs.some((i) => i.service === a.service))!;
    const costs = (await http().get('/api/unit-costs').query({ range: '[0,499]' }).set(admin).expect(200)).body as UnitCost[];
    const used = costs.find((c) => c.code === valued.parameters.unitCost)!;
    expect(used).toBeDefined();
    const { id, ...representation } = (await http().get(`/api/unit-costs/${used.id}`).set(admin).expect(200)).body as UnitCost;
    const doubled = String(Number(used.amount) * 2);
    const { amountLow, amountHigh } = representation;
    await http()
      .put(`/api/unit-costs/${id}`)
      .set(admin)
      .send({
        ...representation,
        amount: doubled,
        // a range, when given, must hold the amount
        ...(typeof amountHigh === 'string' ? { amountLow: String(Number(amountLow) * 2), amountHigh: String(Number(amountHigh) * 2) } : {}),
      })
      .expect(200);
    await recomputed();
    const edited = { reported: await summary('reported'), current: await summary('current') };
    expect(edited.reported).toEqual(approved.reported);
    expect(Number(edited.current.grossSavings)).toBeGreaterThan(Number(approved.current.grossSavings));

    // 3. a reopening needs a reason; reopened and approved again, the frozen values follow the current method
    await period('reopen').expect(400);
    await period('reopen', 'Coût unitaire corrigé : tarif 2024 doublé').expect(200);
    await recomputed();
    await submitted();
    await period('approve').expect(200);
    await recomputed();
    const reapproved = { reported: await summary('reported'), current: await summary('current') };
    expect(reapproved.reported.grossSavings).toBe(edited.current.grossSavings);
    expect(reapproved.reported.netSavings).toBe(edited.current.netSavings);
    expect(reapproved.reported.grossSavings).not.toBe(approved.reported.grossSavings);
    // the same numbers under the current method: reopening and approving again recomputed them (new computedAt), changed nothing
    const numbers = ({ computedAt: _computedAt, dataAsOf: _dataAsOf, ...rest }: Summary & { computedAt?: string; dataAsOf?: string }) => rest;
    expect(numbers(reapproved.current)).toEqual(numbers(edited.current));

    // the reason is kept in the audit log, with the actor
    const audit = (await http().get('/api/audit-log').query({ range: '[0,49]' }).set(admin).expect(200)).body as { action: string; reason: string | null }[];
    expect(audit.find((a) => a.action === 'period.reopen')).toMatchObject({ reason: 'Coût unitaire corrigé : tarif 2024 doublé' });
  }, 180_000);
});
