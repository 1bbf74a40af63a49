import { getQueueToken } from '@nestjs/bullmq';
import { TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { SubmissionsService } from '../../apps/api/src/figures/submissions.service';
import { FiguresService } from '../../apps/api/src/figures/figures.service';
import { RECOMPUTE_JOBS } from '../../apps/api/src/platform/queue/job-map';
import type { AuthUser } from '../../apps/api/src/tenancy/auth-user';
import { createTestDatabase, TestDatabase, uniqueQueuePrefix } from '../setup/test-database';
import { startTestProducer, startTestWorker, wipeQueueKeys } from '../setup/test-worker';
import { authUserOf, figuresBody, waitForSubmission } from '../factories/ingestion.factory';

describe('ingestion recovery and recompute de-duplication', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let producer: TestingModule;
  let worker: TestingModule | undefined;
  let finance: AuthUser;
  let prefix: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
    finance = await authUserOf(ds, 'finance@valmont.demo');
    prefix = uniqueQueuePrefix();
    producer = await startTestProducer(db.url, prefix);
  });
  afterAll(async () => {
    await worker?.close();
    await producer?.close();
    await wipeQueueKeys(prefix);
    await db?.drop();
  });

  it('records an edit with its old and new values, author, reason and source submission, and recomputes a burst of edits once', async () => {
    const sut = producer.get(FiguresService);
    const [figure] = (await ds.query(
      `SELECT f.id, f.value::text AS value FROM figure f JOIN org_unit u ON u.id = f.org_unit_id JOIN service s ON s.id = f.service_id JOIN metric m ON m.id = f.metric_id
        WHERE u.code = 'VALMONT-NORD' AND s.code = 'SAAD' AND m.code = 'spend' AND f.period = '2024-10'`,
    )) as { id: string; value: string }[];

    const edited = await sut.update(finance, figure.id, { value: '50500.25', reason: 'Facture rectificative' });
    expect(edited).toMatchObject({ id: figure.id, value: '50500.25', source: 'form', status: 'draft' });
    const [audit] = (await ds.query(`SELECT actor_id, before, after, reason, submission_id FROM audit_log WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [
      figure.id,
    ])) as {
      actor_id: string;
      before: { value: string };
      after: { value: string; period: string };
      reason: string;
      submission_id: string;
    }[];
    expect(audit).toMatchObject({
      actor_id: finance.id,
      before: { value: figure.value },
      after: { value: '50500.25', period: '2024-10' },
      reason: 'Facture rectificative',
    });
    const [submission] = (await ds.query(`SELECT source, status, applied_count FROM submission WHERE id = $1`, [audit.submission_id])) as {
      source: string;
      status: string;
      applied_count: number;
    }[];
    expect(submission).toEqual({ source: 'form', status: 'applied', applied_count: 1 });

    for (let i = 1; i <= 10; i += 1) await sut.update(finance, figure.id, { value: String(50500 + i) });
    const indicators = producer.get<Queue>(getQueueToken('indicators'));
    const pending = await indicators.getJobs(['waiting', 'delayed', 'prioritized', 'active']);
    const forPeriod = pending.filter((j) => (j.data as { periods: string[] }).periods.includes('2024-10'));
    expect(forPeriod).toHaveLength(1);
    expect(forPeriod[0].data).toEqual({ organisationId: finance.organisationId, periods: ['2024-10'] });
    expect(
      await indicators.getDeduplicationJobId(RECOMPUTE_JOBS.recompute.deduplicationId({ organisationId: finance.organisationId, periods: ['2024-10'] })),
    ).toBe(forPeriod[0].id);
  });

  it('loses nothing and applies nothing twice when Redis loses every job before a worker starts', async () => {
    const submissions = producer.get(SubmissionsService);
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const body = figuresBody([
        {
          orgUnit: i % 2 ? 'VALMONT-NORD' : 'VALMONT-SUD',
          service: 'PORTAGE_REPAS',
          metric: 'meals',
          period: `2024-${String(7 + (i % 6)).padStart(2, '0')}`,
          value: String(3000 + i),
        },
      ]);
      ids.push((await submissions.submitJson(finance, body, `perte-redis-${i}`)).id);
    }
    expect(await wipeQueueKeys(prefix)).toBeGreaterThan(0);

    worker = await startTestWorker(db.url, prefix);
    for (const id of ids) expect((await waitForSubmission(ds, id)).status).toBe('applied');
    const audits = (await ds.query(`SELECT submission_id, count(*)::int AS n FROM audit_log WHERE submission_id = ANY($1::uuid[]) GROUP BY submission_id`, [
      ids,
    ])) as { n: number }[];
    expect(audits).toHaveLength(12);
    expect(audits.every((a) => a.n === 1)).toBe(true);
  });
});
