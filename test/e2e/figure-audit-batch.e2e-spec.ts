import request from 'supertest';
import { TestingModule } from '@nestjs/testing';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { startTestWorker } from '../setup/test-worker';
import { loginAs } from '../setup/demo-session';
import { waitForSubmission } from '../factories/ingestion.factory';

type Auth = { Authorization: string };
interface Entry {
  id: string;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  submissionId: string | null;
  actorName: string | null;
}

/**
 * Figures created by a submission are audited by one batch row per written chunk (audit/figure-audit.ts); the history
 * of a figure and the audit list still show one entry per change, creation included, as before.
 */
describe('figure creations audited by chunk: history and audit list per figure', () => {
  let api: TestApi;
  let worker: TestingModule;
  let finance: Auth;
  let admin: Auth;
  const http = () => request(api.app.getHttpServer());
  const audit = (query: Record<string, string>) => http().get('/api/audit-log').query(query).set(admin).expect(200);
  const figures: { id: string; metric: string; value: string }[] = [];
  let submissionId: string;

  beforeAll(async () => {
    ({ api: api } = await startDemoApi());
    worker = await startTestWorker(api.db.url, api.queuePrefix);
    [finance, admin] = await Promise.all(['finance@valmont.demo', 'admin@valmont.demo'].map((email) => loginAs(api.app, email)));
    const body = {
      figures: [
        { orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'hours', period: '2030-01', value: 120.5, comment: 'Première saisie' },
        { orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2030-01', value: 4000 },
        { orgUnit: 'VALMONT-SUD', service: 'SAAD', metric: 'spend', period: '2030-01', value: 5000.25 },
      ],
      source: 'grid',
    };
    const posted = await http().post('/api/submissions').set(finance).send(body).expect(202);
    submissionId = posted.body.id;
    expect((await waitForSubmission(await api.db.dataSource(), submissionId)).status).toBe('applied');
    for (const f of body.figures) {
      const [found] = (
        await http()
          .get('/api/figures')
          .query({ filter: JSON.stringify({ orgUnit: f.orgUnit, service: f.service, metric: f.metric, period: f.period }) })
          .set(finance)
          .expect(200)
      ).body;
      figures.push({ id: found.id, metric: f.metric, value: found.value });
    }
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('stores one audit row for the chunk, none per figure', async () => {
    const rows = (await (await api.db.dataSource()).query(`SELECT entity, before, after FROM audit_log WHERE submission_id = $1`, [submissionId])) as {
      entity: string;
      before: { count: number; source: string };
      after: { figures: unknown[] };
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'figure_batch', before: { count: 3, source: 'grid' } });
    expect(rows[0].after.figures).toHaveLength(3);
  });

  it('shows the creation, then an edit, in the figure’s history', async () => {
    const [hours] = figures;
    const created = await http().get(`/api/figures/${hours.id}/history`).set(finance).expect(200);
    expect(created.body).toEqual([expect.objectContaining({ old: null, new: '120.5', source: 'grid', submissionId, actorName: expect.any(String) })]);
    await http().put(`/api/figures/${hours.id}`).set(finance).send({ value: '130', reason: 'Relevé corrigé' }).expect(200);
    const edited = await http().get(`/api/figures/${hours.id}/history`).set(finance).expect(200);
    expect(edited.body.map((c: { old: string | null; new: string; reason: string | null }) => [c.old, c.new, c.reason])).toEqual([
      ['120.5', '130', 'Relevé corrigé'],
      [null, '120.5', null],
    ]);
  });

  it('lists each created figure as its own entry, with its unit, period and value, and filters by figure, unit and period', async () => {
    const bySubmission = (await audit({ filter: JSON.stringify({ submissionId }), range: '[0,99]', sort: '["at","ASC"]' })).body as Entry[];
    expect(bySubmission).toHaveLength(3);
    expect(bySubmission.map((e) => [e.entity, e.entityId, e.after?.value, e.after?.orgUnit, e.after?.period, e.before])).toEqual(
      figures.map((f) => ['figure', f.id, f.value, expect.stringMatching(/^VALMONT-/), '2030-01', null]),
    );
    expect(bySubmission[0]).toMatchObject({
      action: 'figure.upsert',
      after: { status: 'draft', source: 'grid', comment: 'Première saisie', service: 'SAAD', metric: 'hours' },
    });
    const one = await audit({ filter: JSON.stringify({ entityId: figures[2].id }) });
    expect(one.body.map((e: Entry) => e.after?.value)).toEqual(['5000.25']);
    expect(one.headers['content-range']).toBe('audit-log 0-0/1');
    const byId = await audit({ filter: JSON.stringify({ id: [bySubmission[1].id] }) });
    expect(byId.body.map((e: Entry) => e.entityId)).toEqual([figures[1].id]);
    const south = await audit({ filter: JSON.stringify({ orgUnit: 'VALMONT-SUD', period: '2030-01' }) });
    expect(south.body.map((e: Entry) => e.entityId)).toEqual([figures[2].id]);
  });

  it('pages the whole log across a chunk’s entries, its count included', async () => {
    const all = await audit({ range: '[0,999]' });
    const total = Number(/\/(\d+)$/.exec(all.headers['content-range'])![1]);
    expect(all.body).toHaveLength(total);
    const ids = (all.body as Entry[]).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const pages: string[] = [];
    for (let start = 0; start < total; start += 2) {
      const page = await audit({ range: `[${start},${start + 1}]` });
      pages.push(...(page.body as Entry[]).map((e) => e.id));
    }
    expect(pages).toEqual(ids);
    const figuresOnly = await audit({ filter: JSON.stringify({ entity: 'figure' }), range: '[0,999]' });
    expect((figuresOnly.body as Entry[]).filter((e) => e.submissionId === submissionId)).toHaveLength(3);
  });
});
