import { LoggerService } from '@nestjs/common';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { SubmissionsService } from '../../apps/api/src/figures/submissions.service';
import { JobProducer } from '../../apps/api/src/platform/queue/job-producer';
import type { AuthUser } from '../../apps/api/src/tenancy/auth-user';
import { createTestDatabase, TestDatabase, uniqueQueuePrefix } from '../setup/test-database';
import { startTestProducer, startTestWorker, wipeQueueKeys } from '../setup/test-worker';
import { authUserOf, csvFile, figuresBody, waitForSubmission } from '../factories/ingestion.factory';

/** Nest's log of the worker, kept in memory. */
class CapturedLog implements LoggerService {
  readonly lines: { level: string; text: string }[] = [];
  log(message: unknown): void {
    this.lines.push({ level: 'log', text: String(message) });
  }
  error(message: unknown, trace?: unknown): void {
    this.lines.push({ level: 'error', text: `${String(message)}\n${trace === undefined ? '' : String(trace)}` });
  }
  warn(message: unknown): void {
    this.lines.push({ level: 'warn', text: String(message) });
  }
  errors(): string[] {
    return this.lines.filter((l) => l.level === 'error').map((l) => l.text);
  }
}

const attemptsOf = async (ds: DataSource, id: string): Promise<number> =>
  ((await ds.query(`SELECT attempts FROM submission WHERE id = $1`, [id])) as { attempts: number }[])[0].attempts;

describe('a NUL byte in a submission, through the real queue', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let producer: TestingModule;
  let worker: TestingModule;
  let finance: AuthUser;
  let prefix: string;
  const log = new CapturedLog();

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await db.dataSource();
    await seedDemo(ds);
    finance = await authUserOf(ds, 'finance@valmont.demo');
    prefix = uniqueQueuePrefix();
    producer = await startTestProducer(db.url, prefix);
    worker = await startTestWorker(db.url, prefix, { logger: log });
  });
  afterAll(async () => {
    await worker?.close();
    await producer?.close();
    await wipeQueueKeys(prefix);
    await db?.drop();
  });

  it('rejects a CSV with a NUL in a comment and in a value at the first attempt, with row errors naming line and column', async () => {
    const csv = [
      'unite;service;indicateur;periode;valeur;commentaire',
      'VALMONT-NORD;SAAD;spend;2024-11;51000;ok',
      'VALMONT-NORD;SAAD;hours;2024-11;2100;note\u0000cachée',
      'VALMONT-NORD;SAAD;beneficiaries;2024-11;1\u00002;',
    ].join('\n');
    const { id } = await producer.get(SubmissionsService).submitFile(finance, csvFile(csv), undefined);
    const done = await waitForSubmission(ds, id);
    expect(done.status).toBe('rejected');
    expect(await attemptsOf(ds, id)).toBe(1);
    const nulErrors = done.errors.filter((e) => e.code === 'nul_byte');
    expect(nulErrors).toEqual([
      { line: 3, column: 'commentaire', value: 'note␀cachée', code: 'nul_byte', message: expect.stringMatching(/^Caractère nul .* colonne « commentaire »/) },
      { line: 4, column: 'valeur', value: '1␀2', code: 'nul_byte', message: expect.stringMatching(/^Caractère nul .* colonne « valeur »/) },
    ]);
    expect(JSON.stringify(done.errors)).not.toContain('\\u0000');
    const applied = (await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE submission_id = $1`, [id])) as { n: number }[];
    expect(applied[0].n).toBe(0);
  });

  it('rejects a stored JSON submission whose comment holds a NUL (sent before the edge check) as a row error', async () => {
    const body = figuresBody([{ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'hours', period: '2024-11', value: '10', comment: 'a\u0000b' }]);
    const { id } = await producer.get(SubmissionsService).submitJson(finance, body, undefined);
    const done = await waitForSubmission(ds, id);
    expect(done).toMatchObject({ status: 'rejected', errors: [{ line: 1, column: 'comment', value: 'a␀b', code: 'nul_byte' }] });
    expect(await attemptsOf(ds, id)).toBe(1);
  });

  it('logs every failed attempt of a job with its cause', async () => {
    await producer.get(JobProducer).enqueue('figures', 'apply-submission', { submissionId: 'pas-un-uuid' }, { jobId: 'bad-submission-id', attempts: 1 });
    const deadline = Date.now() + 10_000;
    while (!log.errors().some((e) => e.includes('bad-submission-id')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const failure = log.errors().find((e) => e.includes('bad-submission-id'));
    expect(failure).toMatch(/^Tâche figures apply-submission bad-submission-id .* en échec, tentative 1 sur 1 : .*uuid/s);
  });
});
