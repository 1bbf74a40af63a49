import { getQueueToken } from '@nestjs/bullmq';
import { TestingModule } from '@nestjs/testing';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { SubmissionsService } from '../../apps/api/src/figures/submissions.service';
import { IngestionService } from '../../apps/api/src/figures/ingestion/ingestion.service';
import { IndicatorsProcessor } from '../../apps/api/src/indicators/indicators.processor';
import { IMPORT_BURST_DELAY_MS } from '../../apps/api/src/platform/queue/recompute-requests';
import type { AuthUser } from '../../apps/api/src/tenancy/auth-user';
import { createTestDatabase, TestDatabase, uniqueQueuePrefix } from '../setup/test-database';
import { startTestProducer, startTestWorker, wipeQueueKeys } from '../setup/test-worker';
import { authUserOf, figuresBody, waitForSubmission } from '../factories/ingestion.factory';

const PERIODS = ['2024-07', '2024-08'];

const meals = (orgUnit: string, period: string, value: string) => ({ orgUnit, service: 'PORTAGE_REPAS', metric: 'meals', period, value });

/** Latest recompute time of each period of the organisation, from the read model's freshness rows. */
const freshness = async (ds: DataSource, organisationId: string): Promise<Map<string, Date>> =>
  new Map(
    (
      (await ds.query(`SELECT period, computed_at FROM indicator_freshness WHERE organisation_id = $1 AND period = ANY($2::text[])`, [
        organisationId,
        PERIODS,
      ])) as { period: string; computed_at: Date }[]
    ).map((r) => [r.period, r.computed_at]),
  );

describe('an import burst recomputes once, after its last file', () => {
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

  it('holds the recompute of an applied file back while the others are in flight, and releases it when the last one settles, even refused', async () => {
    // no worker yet: the submissions are processed here, one after the other, in a known order
    const submissions = producer.get(SubmissionsService);
    const ingestion = producer.get(IngestionService);
    const indicators = producer.get<Queue>(getQueueToken('indicators'));
    const periods = ['2024-03', '2024-04'];
    const ofBurst = async (state: 'delayed' | 'waiting'): Promise<Job[]> =>
      (await indicators.getJobs([state])).filter(
        (j) => j.name === 'recompute' && (j.data as { organisationId: string; periods: string[] }).periods.join(',') === periods.join(','),
      );
    const first = await submissions.submitJson(finance, figuresBody(periods.map((p) => meals('VALMONT-NORD', p, '3100'))), 'suite-1');
    const second = await submissions.submitJson(finance, figuresBody(periods.map((p) => meals('VALMONT-SUD', p, '3200'))), 'suite-2');
    const refused = await submissions.submitJson(finance, figuresBody([meals('VALMONT-SUD', '2024-03', '-')]), 'suite-3');

    const before = Date.now();
    expect(await ingestion.process(first.id)).toBe('applied');
    const [deferred] = await ofBurst('delayed');
    expect(deferred.data).toEqual({ organisationId: finance.organisationId, periods });
    expect(deferred.timestamp + deferred.delay).toBeGreaterThanOrEqual(before + IMPORT_BURST_DELAY_MS);
    expect(await ingestion.process(second.id)).toBe('applied');
    const stillDeferred = await ofBurst('delayed');
    expect(stillDeferred.map((j) => j.id)).toEqual([deferred.id]);
    expect(await ofBurst('waiting')).toEqual([]);

    expect(await ingestion.process(refused.id)).toBe('rejected');
    expect(await ofBurst('delayed')).toEqual([]);
    expect((await ofBurst('waiting')).map((j) => j.id)).toEqual([deferred.id]);
  });

  it('defers the recompute of each file while others are in flight, runs it once when the burst settles (a rejected file included), and the read model is then fresh', async () => {
    const submissions = producer.get(SubmissionsService);
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const body = figuresBody(
        PERIODS.map((period, p) => ({
          orgUnit: i % 2 ? 'VALMONT-NORD' : 'VALMONT-SUD',
          service: 'PORTAGE_REPAS',
          metric: 'meals',
          period,
          value: String(4000 + i * 10 + p),
        })),
      );
      ids.push((await submissions.submitJson(finance, body, `rafale-${i}`)).id);
    }
    // a file of the burst that is refused: settling last or not, it must not leave the burst's recompute waiting
    const refused = figuresBody([{ orgUnit: 'VALMONT-NORD', service: 'PORTAGE_REPAS', metric: 'meals', period: '2024-07', value: 'beaucoup' }]);
    const refusedId = (await submissions.submitJson(finance, refused, 'rafale-refusee')).id;

    worker = await startTestWorker(db.url, prefix);
    const recomputes: Job[] = [];
    worker.get(IndicatorsProcessor).worker.on('completed', (job: Job) => {
      const data = job.data as { organisationId: string; periods?: string[] };
      if (job.name === 'recompute' && data.organisationId === finance.organisationId && data.periods?.join(',') === PERIODS.join(',')) recomputes.push(job);
    });

    for (const id of ids) expect((await waitForSubmission(ds, id)).status).toBe('applied');
    const rejected = await waitForSubmission(ds, refusedId);
    expect(rejected.status).toBe('rejected');
    expect(rejected.errors[0]).toMatchObject({ line: 1, column: 'value', value: 'beaucoup' });
    expect(rejected.errors[0].message).toContain("n'est pas un nombre");
    const [{ settled }] = (await ds.query(`SELECT max(finished_at) AS settled FROM submission WHERE id = ANY($1::uuid[])`, [[...ids, refusedId]])) as {
      settled: Date;
    }[];

    // well before the burst delay: the last submission to settle released the deferred recompute
    const deadline = Date.now() + IMPORT_BURST_DELAY_MS / 3;
    for (;;) {
      const fresh = await freshness(ds, finance.organisationId);
      if (PERIODS.every((p) => (fresh.get(p)?.getTime() ?? 0) >= settled.getTime()) && recomputes.length > 0) break;
      if (Date.now() > deadline) throw new Error(`read model not recomputed after the burst: ${JSON.stringify([...fresh])}, ${recomputes.length} recompute(s)`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // one recompute for the six files of the same periods, none while the burst was in flight
    expect(recomputes).toHaveLength(1);
    const [{ n }] = (await ds.query(
      `SELECT count(*)::int AS n FROM figure f
        WHERE f.organisation_id = $1 AND f.submission_id = ANY($2::uuid[]) AND f.period = ANY($3::text[])`,
      [finance.organisationId, ids, PERIODS],
    )) as { n: number }[];
    // two units × two periods: the last applied file of each unit holds its figures
    expect(n).toBe(4);
  });
});
