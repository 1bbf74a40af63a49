import type { Job } from 'bullmq';
import type { EntityManager } from 'typeorm';
import type { AuditedTenantWriter } from '../platform/audit/audited-tenant-writer';
import type { TenantDb } from '../platform/database/tenant-db';
import type { JobProducer } from '../platform/queue/job-producer';
import type { AuthUser } from '../tenancy/auth-user';
import type { SubmissionJobs } from './submission-jobs';
import type { SubmissionRepository, SubmissionView } from './submission.repository';
import { PROGRESS_TIMEOUT_MS, SubmissionsService } from './submissions.service';
import type { ImportTemplateRepository } from './import-templates/import-template.repository';

const finance: AuthUser = { id: 'u1', email: 'finance@valmont.demo', organisationId: 'org', roles: [{ role: 'finance', orgUnitId: null }] };

const viewOf = (overrides: Partial<SubmissionView> = {}): SubmissionView => ({
  id: 'sub-1',
  status: 'validating',
  source: 'import',
  fileName: 'chiffres.csv',
  rowCount: 200,
  processedCount: 200,
  appliedCount: 0,
  errors: [],
  flags: [],
  createdBy: 'u1',
  createdByName: 'Direction financière (démo)',
  createdAt: new Date('2024-12-02T09:00:00Z'),
  finishedAt: null,
  dryRun: false,
  preview: null,
  previewedAt: null,
  mapping: null,
  ...overrides,
});

/** A service over one stored submission and a queue whose `getJob` answers as given. */
const sutWith = (view: SubmissionView, getJob: (id: string) => Promise<Pick<Job, 'progress'> | undefined>) => {
  const tenantDb = { run: <T>(_org: string, work: (em: EntityManager) => Promise<T>) => work({} as EntityManager) } as unknown as TenantDb;
  const submissions = { findView: async () => view } as unknown as SubmissionRepository;
  const queues = { queue: () => ({ getJob }) } as unknown as JobProducer;
  return new SubmissionsService(tenantDb, submissions, {} as SubmissionJobs, queues, {} as ImportTemplateRepository, {} as AuditedTenantWriter);
};

describe(SubmissionsService.name, () => {
  describe('get', () => {
    it('reads the apply’s percent from the submission’s job, rounded', async () => {
      const getJob = jest.fn(async () => ({ progress: 41.6 }));
      const sut = sutWith(viewOf(), getJob);
      await expect(sut.get(finance, 'sub-1')).resolves.toMatchObject({ progress: { phase: 'applying', percent: 42 } });
      expect(getJob).toHaveBeenCalledWith('submission-sub-1');
    });

    it('answers without the percent when Redis does not answer in time', async () => {
      const sut = sutWith(viewOf(), () => new Promise<undefined>(() => undefined));
      const started = Date.now();
      await expect(sut.get(finance, 'sub-1')).resolves.toMatchObject({ status: 'validating', progress: { phase: 'applying', percent: null } });
      expect(Date.now() - started).toBeLessThan(PROGRESS_TIMEOUT_MS + 500);
    });

    it('answers without the percent when Redis fails, the job is gone or its progress is not a number', async () => {
      for (const getJob of [async () => Promise.reject(new Error('ECONNREFUSED')), async () => undefined, async () => ({ progress: { rows: 3 } })]) {
        await expect(sutWith(viewOf(), getJob).get(finance, 'sub-1')).resolves.toMatchObject({ progress: { phase: 'applying', percent: null } });
      }
    });

    it('takes waiting and validating from the row (3 / 8 rows = 37.5 % → 37) without asking Redis, and nothing once finished', async () => {
      const getJob = jest.fn(async () => ({ progress: 99 }));
      const progressOf = async (view: SubmissionView) => (await sutWith(view, getJob).get(finance, view.id)).progress;
      expect(await progressOf(viewOf({ status: 'received', rowCount: 0, processedCount: 0 }))).toEqual({ phase: 'waiting', percent: 0 });
      expect(await progressOf(viewOf({ rowCount: 0, processedCount: 0 }))).toEqual({ phase: 'validating', percent: 0 });
      expect(await progressOf(viewOf({ rowCount: 8, processedCount: 3 }))).toEqual({ phase: 'validating', percent: 37 });
      expect(await progressOf(viewOf({ status: 'applied', appliedCount: 200, finishedAt: new Date() }))).toBeNull();
      expect(await progressOf(viewOf({ status: 'rejected' }))).toBeNull();
      expect(getJob).not.toHaveBeenCalled();
    });
  });
});
