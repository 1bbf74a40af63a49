import { getQueueToken } from '@nestjs/bullmq';
import { TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { lastCompleteMonth } from '../../apps/api/src/reports/report-period';
import { DISPATCH_SCHEDULER_ID } from '../../apps/api/src/reports/reports-scheduler';
import { startSmtpCatcher, SmtpCatcher } from '../setup/smtp-catcher';
import { createTestDatabase, TestDatabase, uniqueQueuePrefix } from '../setup/test-database';
import { startTestWorker } from '../setup/test-worker';

describe('scheduled report dispatch (two workers, fast cron)', () => {
  let smtp: SmtpCatcher;
  let db: TestDatabase;
  let ds: DataSource;
  let workers: TestingModule[] = [];

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    process.env.SMTP_URL = smtp.url;
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
    await db?.drop();
    await smtp?.close();
  });

  it('sends exactly one email per due subscription, period and recipient, however often the cron fires and however many workers run', async () => {
    const [{ id: organisationId }] = await ds.query(`SELECT id FROM organisation WHERE name = 'CCAS de Valmont'`);
    const insert = (name: string, schedule: string, recipients: string[]): Promise<{ id: string }[]> =>
      ds.query(
        `INSERT INTO report_subscription (organisation_id, name, recipients, org_units, schedule, formats, created_at) VALUES ($1, $2, $3, '["VALMONT"]', $4, '[]', now() - interval '5 seconds') RETURNING id`,
        [organisationId, name, JSON.stringify(recipients), schedule],
      );
    const [every] = await insert('Chaque seconde', '* * * * * *', ['a@valmont.test', 'directeur@valmont.demo']);
    await insert('Mensuel (pas dû)', '0 8 1 1 *', ['jamais@valmont.test']);
    await ds.query(
      `INSERT INTO report_subscription (organisation_id, name, recipients, org_units, schedule, formats, active) VALUES ($1, 'Inactif', '["inactif@valmont.test"]', '["VALMONT"]', '* * * * * *', '[]', false)`,
      [organisationId],
    );

    const prefix = uniqueQueuePrefix();
    workers = [await startTestWorker(db.url, prefix), await startTestWorker(db.url, prefix)];
    // the schedulers the workers upserted at start fire every minute; make the fan-out fire every 200 ms for the test
    const queue = workers[0].get<Queue>(getQueueToken('reports'));
    expect(await queue.getJobScheduler(DISPATCH_SCHEDULER_ID)).toMatchObject({ pattern: '* * * * *', tz: 'Europe/Paris' });
    await queue.upsertJobScheduler(
      DISPATCH_SCHEDULER_ID,
      { every: 200 },
      { name: 'dispatch-due-reports', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );

    await smtp.waitFor(2, 60_000);
    await new Promise((r) => setTimeout(r, 3000)); // ≈ 15 fan-outs and 3 cron occurrences later: still two
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(['a@valmont.test', 'directeur@valmont.demo']);
    const period = lastCompleteMonth(new Date());
    const deliveries: { recipient: string; period: string; status: string; attempts: number }[] = await ds.query(
      `SELECT recipient, period, status, attempts FROM report_delivery WHERE subscription_id = $1 ORDER BY recipient`,
      [every.id],
    );
    expect(deliveries).toEqual([
      { recipient: 'a@valmont.test', period, status: 'sent', attempts: 1 },
      { recipient: 'directeur@valmont.demo', period, status: 'sent', attempts: 1 },
    ]);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM report_delivery`);
    expect(count).toBe(2);
    const [{ last }] = await ds.query(`SELECT last_dispatched_at AS last FROM report_subscription WHERE id = $1`, [every.id]);
    expect(new Date(last).getTime()).toBeGreaterThan(Date.now() - 5000);
    await queue.removeJobScheduler(DISPATCH_SCHEDULER_ID);
    // two Nest workers boot and render a report: on two cores shared with a bulk load this took more than 30 s (CI, 7 Dec)
  }, 120_000);
});
