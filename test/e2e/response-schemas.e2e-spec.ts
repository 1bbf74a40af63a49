import { TestingModule } from '@nestjs/testing';
import request from 'supertest';
import openapi from '../../libs/contracts/openapi.json';
import { RecomputeService } from '../../apps/api/src/indicators/savings/recompute.service';
import type { TestApi } from '../setup/test-app';
import { Auth, demoLogins, startDemoApi, startDemoWorker } from '../setup/demo-api';
import { Schema, schemaErrors } from '../setup/json-schema';
import { waitForSubmission } from '../factories/ingestion.factory';

interface Answer {
  content?: Record<string, { schema: Schema }>;
}
interface Operation {
  /** One answer, under the status the API sends on success (`200`, `201`, `202`, `204`). */
  responses: Record<string, Answer>;
}
const paths = openapi.paths as unknown as Record<string, Record<string, Operation>>;
const components = openapi.components.schemas as unknown as Record<string, Schema>;

/** The status libs/contracts/openapi.json declares for a route's success, and its answer. */
const declared = (method: string, path: string): { status: number; answer: Answer } => {
  const responses = paths[path]?.[method]?.responses ?? {};
  const statuses = Object.keys(responses);
  if (statuses.length !== 1) throw new Error(`${method} ${path} : ${statuses.length} réponses déclarées dans openapi.json, une attendue`);
  return { status: Number(statuses[0]), answer: responses[statuses[0]] };
};

/** The JSON schema libs/contracts/openapi.json gives the answer of `GET /api/figures/{id}`. */
const responseSchema = (method: string, path: string): Schema => {
  const schema = declared(method, path).answer.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${path} : pas de schéma JSON de réponse dans openapi.json`);
  return schema;
};

/** A JSON GET route without a path parameter that answers JSON. */
const isJsonGet = (path: string): boolean =>
  !path.includes('{') && paths[path].get !== undefined && declared('get', path).answer.content?.['application/json'] !== undefined;

/** Query strings that give the indicator and report routes a real answer on the demo (Valmont, 2024). */
const QUERIES: Record<string, Record<string, string>> = {
  '/api/indicators/summary': { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' },
  '/api/indicators/series': { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12', groupBy: 'service' },
  '/api/indicators/explain': { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12', indicator: 'offsetRatio' },
  '/api/indicators/scenario': { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' },
  '/api/indicators/custom': { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' },
  '/api/indicators/reallocation': { from: '2024', to: '2024' },
  '/api/indicators/alerts': { orgUnit: 'VALMONT', year: '2024' },
  '/api/indicators/periods': { orgUnit: 'VALMONT' },
  '/api/completeness': { orgUnit: 'VALMONT', period: '2024-01' },
};

/**
 * The generated contract says what the API answers: real answers of the demo, read through HTTP, validate against the
 * JSON Schemas of libs/contracts/openapi.json (written from the controllers' declared response types). Every JSON GET
 * route the demo can answer is checked, one record of each collection too, and a submission from upload to detail.
 */
describe('responses match the JSON Schemas of the generated contract', () => {
  let api: TestApi;
  let worker: TestingModule;
  let admin: Auth;
  let finance: Auth;
  const http = () => request(api.app.getHttpServer());
  const checked: string[] = [];

  /**
   * `get /api/figures: $.x : …` for every way the answer breaks its schema (at most 5 per route), and its status when it
   * is not the one the contract declares.
   */
  const violations = (method: string, path: string, res: { status: number; body: unknown }): string[] => {
    checked.push(`${method} ${path}`);
    const status = declared(method, path).status;
    return [
      ...(res.status === status ? [] : [`${method} ${path}: statut ${res.status}, le contrat déclare ${status}`]),
      ...schemaErrors(res.body, responseSchema(method, path), components)
        .slice(0, 5)
        .map((e) => `${method} ${path}: ${e}`),
    ];
  };
  const expectValid = (method: string, path: string, res: { status: number; body: unknown }): void => expect(violations(method, path, res)).toEqual([]);

  beforeAll(async () => {
    const demo = await startDemoApi();
    api = demo.api;
    worker = await startDemoWorker(api);
    await worker.get(RecomputeService).recompute(demo.valmontId, []);
    ({ admin, finance } = await demoLogins(api, { admin: 'admin@valmont.demo', finance: 'finance@valmont.demo' }));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('the dashboard summary of the demo', async () => {
    const res = await http().get('/api/indicators/summary').query(QUERIES['/api/indicators/summary']).set(admin).expect(200);
    expect(Number(res.body.grossSavings)).toBeGreaterThan(0);
    expectValid('get', '/api/indicators/summary', res);
  });

  it('a submission: its acceptance, then its detail with the preview', async () => {
    const template = await http().get('/api/submission-template').query({ period: '2024-03', format: 'csv' }).set(finance).expect(200);
    const sent = await http()
      .post('/api/submissions')
      .query({ dryRun: 'true' })
      .set(finance)
      .attach('file', Buffer.from(template.text, 'utf8'), 'modele-saisie-mars-2024.csv')
      .expect(202);
    expectValid('post', '/api/submissions', sent);
    await waitForSubmission(await api.db.dataSource(), sent.body.id);
    const detail = await http().get(`/api/submissions/${sent.body.id}`).set(finance).expect(200);
    expect(detail.body.preview).toMatchObject({ errors: [] });
    expectValid('get', '/api/submissions/{id}', detail);
  });

  it('a simulation: its preview, then the saved one recomputed at each read', async () => {
    const question = {
      scope: { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' },
      levers: [{ kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '50000' }],
    };
    expectValid(
      'post',
      '/api/simulations/preview',
      await http()
        .post('/api/simulations/preview')
        .set(finance)
        .send({ ...question.scope, levers: question.levers }),
    );
    const created = await http()
      .post('/api/simulations')
      .set(finance)
      .send({ name: 'Portage → SAAD', ...question });
    expectValid('post', '/api/simulations', created);
    const { id } = created.body as { id: string };
    const saved = await http().get(`/api/simulations/${id}`).set(finance).expect(200);
    expect(saved.body.problems).toEqual([]);
    expectValid('get', '/api/simulations/{id}', saved);
  });

  it('every JSON GET route the demo answers, and the first record of each collection', async () => {
    const refused: string[] = [];
    const wrong: string[] = [];
    const jsonGets = Object.keys(paths).filter(isJsonGet);
    for (const path of jsonGets) {
      const res = await http()
        .get(path)
        .query(QUERIES[path] ?? {})
        .set(admin);
      if (res.status !== 200) {
        refused.push(`${path} → ${res.status}`);
        continue;
      }
      wrong.push(...violations('get', path, res));
      const first = Array.isArray(res.body) ? (res.body[0] as { id?: unknown } | undefined) : undefined;
      const one = `${path}/{id}`;
      if (first?.id !== undefined && paths[one]?.get !== undefined && declared('get', one).answer.content?.['application/json']) {
        wrong.push(
          ...violations(
            'get',
            one,
            await http()
              .get(`${path}/${String(first.id)}`)
              .set(admin),
          ),
        );
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toEqual([]);
    expect(checked).toEqual(expect.arrayContaining(['get /api/indicators/summary', 'get /api/unit-costs', 'get /api/unit-costs/{id}', 'get /api/figures']));
    expect(checked.length).toBeGreaterThan(40);
  });

  it('a creation answers 201 and an integer of the contract is an integer: a year of 2024.5 breaks the schema', async () => {
    const created = await http().post('/api/price-indices').set(admin).send({ year: 2031, value: '1.1234', base: '2015=100' });
    expectValid('post', '/api/price-indices', created);
    expect(created.body.year).toBe(2031);
    expect(schemaErrors({ ...created.body, year: 2031.5 }, responseSchema('get', '/api/price-indices/{id}'), components)).toEqual([
      '$.year : attendu integer, reçu number',
    ]);
  });
});
