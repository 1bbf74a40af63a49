import path from 'node:path';
import { TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { JobProducer } from '../../apps/api/src/platform/queue/job-producer';
import { submissionJobId } from '../../apps/api/src/figures/submission-jobs';
import { createTestApi, TestApi } from '../setup/test-app';
import { loginAs } from '../setup/demo-session';
import { startTestWorker } from '../setup/test-worker';
import { FIXTURES_DIR, waitForSubmission } from '../factories/ingestion.factory';

type Auth = { Authorization: string };
const fixture = (name: string): string => path.join(FIXTURES_DIR, name);
const SUBMISSION_KEYS = [
  'id',
  'status',
  'rowCount',
  'appliedCount',
  'processedCount',
  'errors',
  'flags',
  'source',
  'fileName',
  'createdAt',
  'finishedAt',
  'createdBy',
  'createdByName',
  'dryRun',
  'preview',
  'previewedAt',
  'mapping',
].sort();
const DETAIL_KEYS = [...SUBMISSION_KEYS, 'progress'].sort();

describe('/api/submissions', () => {
  let api: TestApi;
  let worker: TestingModule;
  let finance: Auth;
  let viewer: Auth;
  let director: Auth;
  let bellerive: Auth;
  const http = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    api = await createTestApi({ UPLOAD_MAX_BYTES: '4096' });
    await seedDemo(await api.db.dataSource());
    worker = await startTestWorker(api.db.url, api.queuePrefix);
    [finance, viewer, director, bellerive] = await Promise.all(
      ['finance@valmont.demo', 'lecteur@valmont.demo', 'directeur@valmont.demo', 'directeur@bellerive.demo'].map((email) => loginAs(api.app, email)),
    );
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('accepts a CSV file with 202 { id, status }, then shows exactly the docs/product-rules.md#interfaces shape once applied', async () => {
    const res = await http().post('/api/submissions').set(finance).attach('file', fixture('figures-2024-01-utf8-bom-semicolon.csv')).expect(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'received' });
    await waitForSubmission(await api.db.dataSource(), res.body.id);

    const got = await http().get(`/api/submissions/${res.body.id}`).set(viewer).expect(200);
    expect(Object.keys(got.body).sort()).toEqual(DETAIL_KEYS);
    expect(got.body).toMatchObject({
      progress: null,
      id: res.body.id,
      status: 'applied',
      rowCount: 10,
      appliedCount: 10,
      processedCount: 10,
      errors: [],
      source: 'import',
      fileName: 'figures-2024-01-utf8-bom-semicolon.csv',
    });
    expect(got.body.finishedAt).toEqual(expect.any(String));
  });

  it('reports every row error of a rejected file as { line, column, value, message }', async () => {
    const res = await http().post('/api/submissions').set(finance).attach('file', fixture('figures-errors-semicolon.csv')).expect(202);
    await waitForSubmission(await api.db.dataSource(), res.body.id);
    const got = await http().get(`/api/submissions/${res.body.id}`).set(finance).expect(200);
    expect(got.body).toMatchObject({ status: 'rejected', appliedCount: 0 });
    expect(got.body.errors).toHaveLength(9);
    expect(got.body.errors[0]).toEqual({ line: 3, column: 'service', value: 'PORTAGE_REPAZ', message: expect.stringContaining('PORTAGE_REPAZ') });
  });

  it('accepts JSON figures (numbers become decimal strings) and replays an Idempotency-Key without a new submission', async () => {
    const body = { figures: [{ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'hours', period: '2024-11', value: 2126.5, comment: 'API' }], source: 'grid' };
    const first = await http().post('/api/submissions').set(finance).set('Idempotency-Key', 'e2e-json-1').send(body).expect(202);
    const again = await http().post('/api/submissions').set(finance).set('Idempotency-Key', 'e2e-json-1').send(body).expect(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const done = await waitForSubmission(await api.db.dataSource(), first.body.id);
    expect(done.status).toBe('applied');
    const figures = await http()
      .get('/api/figures')
      .query({ filter: JSON.stringify({ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'hours', period: '2024-11' }) })
      .set(viewer)
      .expect(200);
    expect(figures.body).toEqual([expect.objectContaining({ value: '2126.5', source: 'grid', comment: 'API' })]);
  });

  it('answers 422 problem+json when an Idempotency-Key comes back with another JSON body or another file, storing nothing', async () => {
    const ds = await api.db.dataSource();
    const count = async (): Promise<number> => Number((await ds.query('SELECT count(*)::int AS n FROM submission'))[0].n);
    const figure = { orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'hours', period: '2024-11' };
    const first = await http()
      .post('/api/submissions')
      .set(finance)
      .set('Idempotency-Key', 'e2e-json-reused')
      .send({ figures: [{ ...figure, value: '10' }] })
      .expect(202);
    const before = await count();
    const other = await http()
      .post('/api/submissions')
      .set(finance)
      .set('Idempotency-Key', 'e2e-json-reused')
      .send({ figures: [{ ...figure, value: '99999' }] })
      .expect(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.body).toMatchObject({ status: 422, title: 'Données invalides', instance: '/api/submissions' });
    expect(other.body.detail).toMatch(/^Cette clé d’idempotence a déjà servi pour un autre contenu/);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    // another source with the same figures is another content too
    await http()
      .post('/api/submissions')
      .set(finance)
      .set('Idempotency-Key', 'e2e-json-reused')
      .send({ figures: [{ ...figure, value: '10' }], source: 'grid' })
      .expect(422);
    const file = await http()
      .post('/api/submissions')
      .set(finance)
      .set('Idempotency-Key', 'e2e-json-reused')
      .attach('file', fixture('figures-2024-01-utf8-bom-semicolon.csv'))
      .expect(422);
    expect(file.body.detail).toMatch(/autre contenu/);
    expect(await count()).toBe(before);
    // the first content under its key is still a replay of the first submission
    const replay = await http()
      .post('/api/submissions')
      .set(finance)
      .set('Idempotency-Key', 'e2e-json-reused')
      .send({ figures: [{ ...figure, value: '10' }] })
      .expect(202);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    await waitForSubmission(ds, first.body.id);
  });

  it('replays the same file under the same Idempotency-Key, and refuses another file under it with 422', async () => {
    const first = await http()
      .post('/api/submissions')
      .set(finance)
      .set('Idempotency-Key', 'e2e-file-reused')
      .attach('file', Buffer.from('a;b\n1;2\n'), 'un.csv')
      .expect(202);
    const again = await http()
      .post('/api/submissions')
      .set(finance)
      .set('Idempotency-Key', 'e2e-file-reused')
      .attach('file', Buffer.from('a;b\n1;2\n'), 'un.csv')
      .expect(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await http()
      .post('/api/submissions')
      .set(finance)
      .set('Idempotency-Key', 'e2e-file-reused')
      .attach('file', Buffer.from('a;b\n1;3\n'), 'un.csv')
      .expect(422);
    expect(other.body.detail).toMatch(/^Cette clé d’idempotence a déjà servi pour un autre contenu/);
    await waitForSubmission(await api.db.dataSource(), first.body.id);
  });

  it.each([
    ['an empty body', {}],
    ['an empty list', { figures: [] }],
    ['figures: null (found by the fuzzer: it was a 500)', { figures: null, source: 'form' }],
    ['a row without value', { figures: [{ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-11' }] }],
    ['a value that is an object', { figures: [{ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-11', value: { a: 1 } }] }],
    ['an unknown field', { figures: [{ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-11', value: '1', extra: true }] }],
    ['an unknown source', { figures: [{ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-11', value: '1' }], source: 'fax' }],
  ])('answers %s with a French problem+json 400, storing nothing', async (_label, body) => {
    const ds = await api.db.dataSource();
    const count = async (): Promise<number> => Number((await ds.query('SELECT count(*)::int AS n FROM submission'))[0].n);
    const before = await count();
    const res = await http().post('/api/submissions').set(finance).send(body).expect(400);
    expect(await count()).toBe(before);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, title: 'Requête invalide' });
  });

  it('answers malformed JSON, a bad Idempotency-Key, an empty or oversized file with 4xx problem+json', async () => {
    await http().post('/api/submissions').set(finance).set('Content-Type', 'application/json').send('{"figures": [').expect(400);
    await http()
      .post('/api/submissions')
      .set(finance)
      .set('Idempotency-Key', 'x'.repeat(200))
      .send({ figures: [{ orgUnit: 'A', service: 'B', metric: 'C', period: '2024-01', value: '1' }] })
      .expect(400);
    const empty = await http().post('/api/submissions').set(finance).attach('file', Buffer.alloc(0), 'vide.csv').expect(400);
    expect(empty.body.detail).toMatch(/vide/);
    const big = await http().post('/api/submissions').set(finance).attach('file', fixture('figures-2024-10-libreoffice.xlsx')).expect(413);
    expect(big.body.detail).toMatch(/taille maximale/);
    const twoFiles = await http().post('/api/submissions').set(finance).attach('other', Buffer.from('a;b\n'), 'a.csv').expect(400);
    expect(twoFiles.headers['content-type']).toContain('application/problem+json');
  });

  it('lets only finance and admin submit (403 for a viewer or a director)', async () => {
    const body = { figures: [{ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-11', value: '1' }] };
    await http().post('/api/submissions').set(viewer).send(body).expect(403);
    await http().post('/api/submissions').set(director).send(body).expect(403);
    await http().post('/api/submissions').send(body).expect(401);
  });

  it('hides another tenant’s submission (404, not 403) and answers 404 to a malformed id', async () => {
    const res = await http()
      .post('/api/submissions')
      .set(finance)
      .send({ figures: [{ orgUnit: 'VALMONT-SUD', service: 'AED', metric: 'spend', period: '2024-11', value: '8000' }] })
      .expect(202);
    await http().get(`/api/submissions/${res.body.id}`).set(bellerive).expect(404);
    await http().get('/api/submissions/pas-un-uuid').set(finance).expect(404);
    const list = await http().get('/api/submissions').set(bellerive).expect(200);
    expect(list.body).toEqual([]);
  });

  it('lists submissions with ra-data-simple-rest paging and Content-Range', async () => {
    const res = await http()
      .get('/api/submissions')
      .query({
        sort: JSON.stringify(['createdAt', 'DESC']),
        range: JSON.stringify([0, 1]),
        filter: JSON.stringify({ status: ['applied', 'rejected', 'received', 'validating'] }),
      })
      .set(viewer)
      .expect(200);
    expect(res.body).toHaveLength(2);
    expect(Object.keys(res.body[0]).sort()).toEqual(SUBMISSION_KEYS);
    expect(res.headers['content-range']).toMatch(/^submissions 0-1\/\d+$/);
    await http().get('/api/submissions').query({ sort: '["payload","ASC"]' }).set(viewer).expect(400);
    await http().get('/api/submissions').query({ filter: '{"status":"done"}' }).set(viewer).expect(400);
  });

  it('reports where an unfinished submission stands: waiting, validating, then applying with its job’s progress', async () => {
    const ds = await api.db.dataSource();
    const [owner] = (await ds.query(`SELECT id, organisation_id AS "organisationId" FROM app_user WHERE email = 'finance@valmont.demo'`)) as {
      id: string;
      organisationId: string;
    }[];
    const payload = Buffer.from(JSON.stringify({ figures: [{ orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-11', value: '1' }] }));
    const [{ id }] = (await ds.query(
      `INSERT INTO submission (organisation_id, source, status, idempotency_key, content_type, payload, created_by)
       VALUES ($1, 'api', 'received', 'e2e-progress', 'application/json', $2, $3) RETURNING id`,
      [owner.organisationId, payload, owner.id],
    )) as { id: string }[];
    // a delayed job under the submission's id: the running test worker leaves it alone, as does the reconciler
    const producer = api.app.get(JobProducer);
    await producer.enqueue('figures', 'apply-submission', { submissionId: id }, { jobId: submissionJobId(id), delay: 3_600_000 });
    const progress = async (): Promise<unknown> => (await http().get(`/api/submissions/${id}`).set(finance).expect(200)).body.progress;
    const setRow = (sql: string) => ds.query(`UPDATE submission SET ${sql} WHERE id = $1`, [id]);

    expect(await progress()).toEqual({ phase: 'waiting', percent: 0 });
    await setRow(`status = 'validating', row_count = 4, processed_count = 1`);
    expect(await progress()).toEqual({ phase: 'validating', percent: 25 });
    await setRow(`processed_count = 4`);
    expect(await progress()).toEqual({ phase: 'applying', percent: 0 });
    const job = await producer.queue('figures').getJob(submissionJobId(id));
    await job!.updateProgress(42);
    expect(await progress()).toEqual({ phase: 'applying', percent: 42 });
    await job!.remove();
    expect(await progress()).toEqual({ phase: 'applying', percent: null });
    await setRow(`status = 'rejected', finished_at = now()`);
    expect(await progress()).toBeNull();
  });
});
