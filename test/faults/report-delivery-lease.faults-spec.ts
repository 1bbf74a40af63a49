import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { abandonedClaimReason } from '../../apps/api/src/reports/report-dispatcher';
import { CLAIM_LEASE_SECONDS } from '../../apps/api/src/reports/report-delivery.repository';
import { ReportJobs, SEND_ATTEMPTS } from '../../apps/api/src/reports/report-jobs';
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

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
}

/**
 * Issue 15: a worker killed between the SMTP server's acceptance and the delivery log left the row `sending` under a
 * 300 s claim lease, longer than the job's six retries (≈ 62 s): every retry found the row « busy », the job failed for
 * good and the row stayed `sending` forever. The scheduled fan-out now takes over rows whose lease expired (a job of its
 * own, same Message-ID: at least once), and gives up with a French reason after SEND_ATTEMPTS claims.
 * A real worker process (dist/), killed with SIGKILL, a real SMTP server in this process, BullMQ on Redis; the lease is
 * moved back in the database instead of waited for (300 s). Fast form: the dead worker's job is removed from the queue
 * (as BullMQ does once it has failed for good and aged out). Full form: the job really stalls, retries and fails first.
 */
describe('a delivery left « sending » by a dead worker', () => {
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
  const deliveries = (subscriptionId: string): Promise<DeliveryRow[]> =>
    ds.query(
      `SELECT id, status, attempts, last_error AS "lastError", message_id AS "messageId" FROM report_delivery WHERE subscription_id = $1 ORDER BY created_at`,
      [subscriptionId],
    );
  const until = async (what: () => Promise<boolean>, deadlineMs: number, label: string): Promise<void> => {
    const end = Date.now() + deadlineMs;
    while (!(await what())) {
      if (Date.now() > end) throw new Error(`délai dépassé : ${label}`);
      await sleep(100);
    }
  };
  /** The lease of a claim runs out now (CLAIM_LEASE_SECONDS in the past) rather than in five minutes. */
  const expireLease = (deliveryId: string): Promise<unknown> =>
    ds.query(`UPDATE report_delivery SET claimed_at = now() - make_interval(secs => $2) WHERE id = $1`, [deliveryId, CLAIM_LEASE_SECONDS + 1]);
  /** What the job scheduler fires every minute, fired now. */
  const dispatchNow = (): Promise<unknown> => queue.add('dispatch-due-reports', {}, { removeOnComplete: true, removeOnFail: 100 });

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    api = await FaultsApi.start(summary, { SMTP_URL: smtp.url, APP_URL });
    ds = await api.api.db.dataSource();
    env = { DATABASE_URL: api.api.db.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: api.api.queuePrefix, SMTP_URL: smtp.url, APP_URL };
    director = await api.login('directeur@valmont.demo');
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue('reports', { connection: redis, prefix: api.api.queuePrefix });
    worker = LevierProcess.worker(env, 'report-delivery-lease');
  });
  beforeEach(() => {
    smtp.messages.length = 0;
    smtp.failNext(0);
    smtp.beforeAccept(null);
  });
  afterAll(async () => {
    await worker?.stop();
    await queue?.close();
    redis?.disconnect();
    await api?.close();
    await smtp?.close();
    summary.flush();
  });

  /**
   * « Envoyer maintenant », then SIGKILL the worker once the SMTP server has accepted the message and while the worker
   * waits to write « sent » (the row is locked from here when the message arrives): the row is left `sending`.
   */
  const killAfterAcceptance = async (subscriptionId: string): Promise<DeliveryRow> => {
    const lock = new Client({ connectionString: api.api.db.url });
    await lock.connect();
    smtp.beforeAccept(async () => {
      await lock.query('BEGIN');
      await lock.query(`SELECT 1 FROM report_delivery WHERE subscription_id = $1 FOR UPDATE`, [subscriptionId]);
    });
    const sent = await api.request('POST', `/api/report-subscriptions/${subscriptionId}/send`, { headers: director, json: { period: '2024-12' } });
    expect(sent.status).toBe(202);
    await smtp.waitFor(1, 120_000);
    await until(
      async () => {
        const [{ n }] = await ds.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE report_delivery SET status = ''sent''%'`,
        );
        return n > 0;
      },
      60_000,
      'le worker écrit « envoyé »',
    );
    await worker!.kill('SIGKILL');
    summary.fault('worker SIGKILL after SMTP 250');
    await lock.query('ROLLBACK');
    await lock.end();
    smtp.beforeAccept(null);
    const rows = await deliveries(subscriptionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sending', attempts: 1, messageId: null });
    return rows[0];
  };

  /** The lease runs out, the scheduled fan-out takes the delivery over: one row, sent, the same Message-ID twice. */
  const expectTakenOver = async (subscriptionId: string, delivery: DeliveryRow): Promise<void> => {
    await expireLease(delivery.id);
    await dispatchNow();
    await until(async () => (await deliveries(subscriptionId))[0].status !== 'sending', 120_000, 'la livraison sort de « en cours d’envoi »');
    const expectedId = deliveryMessageId(delivery.id, APP_URL);
    expect(smtp.messages.map((m) => m.parsed.messageId)).toEqual([expectedId, expectedId]);
    expect(await deliveries(subscriptionId)).toEqual([{ ...delivery, status: 'sent', attempts: 2, messageId: expectedId, lastError: null }]);
    // a second fan-out adds nothing: the row is final
    await dispatchNow();
    await sleep(2_000);
    expect(smtp.messages).toHaveLength(2);
    expect(await deliveries(subscriptionId)).toMatchObject([{ status: 'sent', attempts: 2 }]);
  };

  it('is sent again, with the same Message-ID, and logged once, after the worker died between SMTP acceptance and the delivery log', async () => {
    const subscriptionId = await subscribe('Bail expiré', 'elu@mairie-valmont.test');
    const delivery = await killAfterAcceptance(subscriptionId);
    // the dead worker's job is gone, as BullMQ leaves it once failed for good and aged out (its lock first)
    const job = await queue.getJob(ReportJobs.sendJobId(delivery.id));
    expect(job).toBeDefined();
    await redis.del(`${api.api.queuePrefix}:reports:${job!.id}:lock`);
    await job!.remove();
    expect(await queue.getJob(ReportJobs.sendJobId(delivery.id))).toBeUndefined();
    worker = LevierProcess.worker(env, 'report-delivery-lease');
    await expectTakenOver(subscriptionId, delivery);
    summary.add('faultsSurvived');
  });

  fullIt('is taken over once its first job has stalled, retried against the lease and failed for good', async () => {
    const subscriptionId = await subscribe('Bail expiré après échec du job', 'elu2@mairie-valmont.test');
    const delivery = await killAfterAcceptance(subscriptionId);
    // BullMQ notices the dead worker (30 s lock), a new worker retries: every attempt finds the row « busy » under its
    // lease, until the job fails for good with the row still `sending`, the state the issue found
    worker = LevierProcess.worker(env, 'report-delivery-lease');
    const jobId = ReportJobs.sendJobId(delivery.id);
    await until(async () => (await (await queue.getJob(jobId))?.getState()) === 'failed', 400_000, 'échec définitif du premier job');
    expect((await queue.getJob(jobId))?.failedReason).toMatch(/déjà en cours/);
    expect(await deliveries(subscriptionId)).toMatchObject([{ status: 'sending', attempts: 1 }]);
    await expectTakenOver(subscriptionId, delivery);
    summary.add('faultsSurvived');
  });

  it(`ends failed, with a French reason and nothing sent, a delivery whose ${SEND_ATTEMPTS} claims all expired`, async () => {
    const subscriptionId = await subscribe('Bail expiré six fois', 'elu3@mairie-valmont.test');
    // the state a delivery reaches when a worker dies while sending it, SEND_ATTEMPTS times: a `sending` row, lease expired
    const [{ id }] = (await ds.query(
      `INSERT INTO report_delivery (organisation_id, subscription_id, period, recipient, run_key, status, attempts, claimed_at)
       SELECT organisation_id, id, '2024-11', 'elu3@mairie-valmont.test', 'fautes-bail', 'sending', $2, now() - make_interval(secs => $3)
         FROM report_subscription WHERE id = $1 RETURNING id`,
      [subscriptionId, SEND_ATTEMPTS, CLAIM_LEASE_SECONDS + 1],
    )) as { id: string }[];
    summary.fault('claims expired', SEND_ATTEMPTS);
    await dispatchNow();
    await until(async () => (await deliveries(subscriptionId))[0].status !== 'sending', 60_000, 'la livraison sort de « en cours d’envoi »');
    const [row] = await deliveries(subscriptionId);
    expect(row).toMatchObject({ id, status: 'failed', attempts: SEND_ATTEMPTS, messageId: null, lastError: abandonedClaimReason(SEND_ATTEMPTS) });
    expect(row.lastError).toMatch(/^Envoi interrompu 6 fois .* le message a pu partir/);
    await sleep(1_000);
    expect(smtp.messages).toHaveLength(0);
    summary.add('faultsSurvived');
  });
});
