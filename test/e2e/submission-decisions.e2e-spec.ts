import { TestingModule } from '@nestjs/testing';
import request from 'supertest';
import type { TestApi } from '../setup/test-app';
import { demoLogins, startDemoApi, startDemoWorker, type Auth } from '../setup/demo-api';
import { waitForSubmission } from '../factories/ingestion.factory';

interface AuditEntry {
  at: string;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  submissionId: string | null;
}

/** Who applied or abandoned a previewed import, and when: an audit row written with the decision, in its transaction. */
describe('decisions on a previewed submission in the audit log', () => {
  let api: TestApi;
  let worker: TestingModule;
  let who: Record<'admin' | 'finance', Auth>;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    ({ api } = await startDemoApi());
    worker = await startDemoWorker(api);
    who = await demoLogins(api, { admin: 'admin@valmont.demo', finance: 'finance@valmont.demo' });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** A dry run of February 2025's template (nothing entered yet) with some cells filled, previewed. */
  const preview = async (values: Record<string, string>, fileName: string): Promise<string> => {
    const template = await http().get('/api/submission-template').query({ period: '2025-02', format: 'csv' }).set(who.finance).expect(200);
    const lines = template.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const filled = [lines[0], ...lines.slice(1).map((l) => `${l}${values[l.split(';').slice(0, 3).join(';')] ?? ''}`)].join('\r\n');
    const sent = await http()
      .post('/api/submissions')
      .query({ dryRun: 'true' })
      .set(who.finance)
      .attach('file', Buffer.from(filled, 'utf8'), fileName)
      .expect(202);
    expect((await waitForSubmission(await api.db.dataSource(), sent.body.id)).status).toBe('previewed');
    return sent.body.id as string;
  };

  /** The audit log of one submission, as the audit screen reads it. */
  const auditOf = async (submissionId: string): Promise<AuditEntry[]> =>
    (
      await http()
        .get('/api/audit-log')
        .query({ filter: JSON.stringify({ submissionId }), range: '[0,99]' })
        .set(who.admin)
        .expect(200)
    ).body;

  it('records who applied a preview, when, and its file, with the figures the apply then wrote', async () => {
    const id = await preview({ 'Antenne Valmont Nord;Portage de repas à domicile;Dépenses': '12 480,50' }, 'fevrier-nord.csv');
    const before = Date.now();
    await http().post(`/api/submissions/${id}/apply`).set(who.finance).send({}).expect(202);
    expect((await waitForSubmission(await api.db.dataSource(), id)).status).toBe('applied');

    const entries = await auditOf(id);
    const decisions = entries.filter((e) => e.entity === 'submission');
    expect(decisions).toEqual([
      expect.objectContaining({
        actorEmail: 'finance@valmont.demo',
        action: 'submission.apply',
        entityId: id,
        submissionId: id,
        before: { status: 'previewed', fileName: 'fevrier-nord.csv' },
        after: { status: 'received', fileName: 'fevrier-nord.csv', confirmOverwrite: false },
      }),
    ]);
    expect(Date.parse(decisions[0].at)).toBeGreaterThanOrEqual(before - 1000);
    // the figures the job wrote afterwards carry the same submission
    expect(entries.some((e) => e.entity === 'figure_batch' || e.entity === 'figure')).toBe(true);
  });

  it('records who abandoned a preview', async () => {
    const id = await preview({ 'Antenne Valmont Nord;Portage de repas à domicile;Bénéficiaires': '86' }, 'fevrier-abandon.csv');
    await http().post(`/api/submissions/${id}/discard`).set(who.admin).expect(204);

    expect(await auditOf(id)).toEqual([
      expect.objectContaining({
        actorEmail: 'admin@valmont.demo',
        action: 'submission.discard',
        entity: 'submission',
        entityId: id,
        before: { status: 'previewed', fileName: 'fevrier-abandon.csv' },
        after: { status: 'discarded', fileName: 'fevrier-abandon.csv' },
      }),
    ]);
  });

  it('writes no row for a refused decision: the preview still has errors, or it was already abandoned', async () => {
    const wrong = await preview({ 'Antenne Valmont Sud;Portage de repas à domicile;Repas livrés': 'beaucoup' }, 'fevrier-faux.csv');
    await http().post(`/api/submissions/${wrong}/apply`).set(who.finance).send({}).expect(422);
    expect(await auditOf(wrong)).toEqual([]);

    await http().post(`/api/submissions/${wrong}/discard`).set(who.finance).expect(204);
    await http().post(`/api/submissions/${wrong}/discard`).set(who.finance).expect(409);
    await http().post(`/api/submissions/${wrong}/apply`).set(who.finance).send({}).expect(409);
    expect((await auditOf(wrong)).map((e) => e.action)).toEqual(['submission.discard']);
  });
});
