import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CLAIM_LEASE_SECONDS } from '../../apps/api/src/reports/report-delivery.repository';
import { ReportJobs } from '../../apps/api/src/reports/report-jobs';
import { deliveryMessageId } from '../../apps/api/src/reports/report-sender';
import { TEST_REDIS_URL } from '../setup/test-env';
import { SmtpCatcher, startSmtpCatcher } from '../setup/smtp-catcher';
import { FaultsApi } from './support/http';
import { FILE_TIMEOUT_MS, FULL } from './support/mode';
import { LevierProcess, ProcessEnv } from './support/processes';
import { SummaryRecorder } from './support/summary';
import { sleep } from './support/workload';

jest.setTimeout(FILE_TIMEOUT_MS);

const APP_URL = 'http://levier.test:8080';
/** The attempts ReportJobs gives a send-report job. */
const SEND_ATTEMPTS = 6;

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
}

/**
 * Faults while sending reports, with a real worker process (built dist/, killed with SIGKILL), a real SMTP server in
 * this process and BullMQ on Redis. Fast form: a permanent SMTP refusal (5xx). Full form (FAULTS_FULL=1), because
 * BullMQ needs its lock duration (30 s) to notice a dead worker and the backoff of six attempts lasts about a minute:
 * a worker killed between the SMTP server's acceptance and the delivery log, and the exhaustion of retries.
 */
describe('faults while sending reports', () => {
  const summary = new SummaryRecorder(__filename);
  let smtp: SmtpCatcher;
  let api: FaultsApi;
  let ds: DataSource;
  let env: ProcessEnv;
  let worker: LevierProcess | undefined;
  let director: Record<string, string>;
  let redis: Redis;
  let queue: Queue;
  const fullIt = FULL ? it : it.skip;

  const subscribe = async (name: string, recipient: string): Promise<string> => {
    const res = await api.request('POST', '/api/report-subscriptions', {
      headers: director,
      json: { name, recipients: [recipient], orgUnits: ['VALMONT'], schedule: '0 8 1 * *' },
    });
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  };
  /** « Envoyer maintenant »: one delivery row per recipient, one send-report job each; returns the delivery. */
  const sendNow = async (subscriptionId: string): Promise<DeliveryRow> => {
    const res = await api.request('POST', `/api/report-subscriptions/${subscriptionId}/send`, { headers: director, json: { period: '2024-12' } });
    expect(res.status).toBe(202);
    const rows = await deliveries(subscriptionId);
    expect(rows).toHaveLength(1);
    return rows[0];
  };
  const deliveries = (subscriptionId: string): Promise<DeliveryRow[]> =>
    ds.query(
      `SELECT id, status, attempts, last_error AS "lastError", message_id AS "messageId" FROM report_delivery WHERE subscription_id = $1 ORDER BY created_at`,
      [subscriptionId],
    );
  /** Until the job has an outcome: completed, failed for good, or waiting for a retry (delayed). No timing assumed. */
  const settled = async (deliveryId: string): Promise<{ state: string; attemptsMade: number }> => {
    for (;;) {
      const job = await queue.getJob(ReportJobs.sendJobId(deliveryId));
      const state = job ? await job.getState() : 'missing';
      // the job read before its state may predate the failure: read it again once the state is final
      if (job && ['completed', 'failed', 'delayed'].includes(state)) return { state, attemptsMade: (await queue.getJob(job.id!))?.attemptsMade ?? -1 };
      await sleep(50);
    }
  };
  const until = async (what: () => Promise<boolean>): Promise<void> => {
    while (!(await what())) await sleep(100);
  };

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    api = await FaultsApi.start(summary, { SMTP_URL: smtp.url, APP_URL });
    ds = await api.api.db.dataSource();
    env = { DATABASE_URL: api.api.db.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: api.api.queuePrefix, SMTP_URL: smtp.url, APP_URL };
    director = await api.login('directeur@valmont.demo');
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue('reports', { connection: redis, prefix: api.api.queuePrefix });
    worker = LevierProcess.worker(env, 'report-sending');
  });
  afterAll(async () => {
    await worker?.stop();
    await queue?.close();
    redis?.disconnect();
    await api?.close();
    await smtp?.close();
    summary.flush();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
    smtp.failNext(0);
    smtp.beforeAccept(null);
  });

  it('ends a delivery refused for good by the SMTP server (550) failed, with a French reason, after one attempt and no retry', async () => {
    const subscriptionId = await subscribe('Refus définitif', 'inconnu@mairie-valmont.test');
    smtp.failNext(1, 550);
    summary.fault('SMTP 550');
    const delivery = await sendNow(subscriptionId);
    const outcome = await settled(delivery.id);
    // BullMQ counts an attempt ended by UnrecoverableError as 0 or 1 depending on when it is read; the delivery row's own
    // count is the one that proves there was no retry
    expect(outcome.state).toBe('failed');
    expect(outcome.attemptsMade).toBeLessThanOrEqual(1);
    const [row] = await deliveries(subscriptionId);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, messageId: null });
    expect(row.lastError).toMatch(/refusé définitivement/i);
    expect(row.lastError).toContain('550');
    expect(row.lastError).not.toMatch(/Message failed|Can't send mail/);
    expect(smtp.messages).toHaveLength(0);
    summary.add('faultsSurvived');
  });

  fullIt('sends again with the same Message-ID, and logs one delivery, when a worker dies between SMTP acceptance and the delivery log', async () => {
    const subscriptionId = await subscribe('Arrêt après acceptation', 'elu@mairie-valmont.test');
    // when the message has arrived, before the 250: lock the delivery row, so that the worker's « sent » update waits
    const lock = new Client({ connectionString: api.api.db.url });
    await lock.connect();
    smtp.beforeAccept(async () => {
      await lock.query('BEGIN');
      await lock.query(`SELECT 1 FROM report_delivery WHERE subscription_id = $1 FOR UPDATE`, [subscriptionId]);
    });
    const delivery = await sendNow(subscriptionId);
    await smtp.waitFor(1, 120_000);
    // the SMTP server has said 250 and the worker is blocked writing « sent »: kill it there
    await until(async () => {
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE report_delivery SET status = ''sent''%'`,
      );
      return n > 0;
    });
    await worker!.kill('SIGKILL');
    summary.fault('worker SIGKILL after SMTP 250');
    await lock.query('ROLLBACK');
    await lock.end();
    smtp.beforeAccept(null);
    const [stuck] = await deliveries(subscriptionId);
    expect(stuck).toMatchObject({ status: 'sending', attempts: 1, messageId: null });

    // the dead worker's claim expires (its lease, moved back instead of waited for); a new worker picks the stalled job
    await ds.query(`UPDATE report_delivery SET claimed_at = claimed_at - make_interval(secs => $2) WHERE id = $1`, [delivery.id, CLAIM_LEASE_SECONDS + 1]);
    worker = LevierProcess.worker(env, 'report-sending');
    await until(async () => (await deliveries(subscriptionId))[0].status === 'sent');

    const expectedId = deliveryMessageId(delivery.id, APP_URL);
    expect(smtp.messages.map((m) => m.parsed.messageId)).toEqual([expectedId, expectedId]);
    const rows = await deliveries(subscriptionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 2, messageId: expectedId });
    summary.add('faultsSurvived');
  });

  fullIt('ends a delivery failed with a French reason after its six attempts are refused (451), sends nothing, and stops retrying', async () => {
    const subscriptionId = await subscribe('Refus temporaires', 'elu2@mairie-valmont.test');
    smtp.failNext(1000, 451);
    summary.fault('SMTP 451', SEND_ATTEMPTS);
    const delivery = await sendNow(subscriptionId);
    let outcome = await settled(delivery.id);
    while (outcome.state === 'delayed') {
      await until(async () => (await (await queue.getJob(ReportJobs.sendJobId(delivery.id)))?.getState()) !== 'delayed');
      outcome = await settled(delivery.id);
    }
    expect(outcome).toEqual({ state: 'failed', attemptsMade: SEND_ATTEMPTS });
    const [row] = await deliveries(subscriptionId);
    expect(row).toMatchObject({ status: 'failed', attempts: SEND_ATTEMPTS, messageId: null });
    expect(row.lastError).toMatch(/refusé temporairement/i);
    expect(row.lastError).toContain('451');
    expect(smtp.messages).toHaveLength(0);
    summary.add('faultsSurvived');
  });
});
