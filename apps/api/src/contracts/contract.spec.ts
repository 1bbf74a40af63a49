import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiModule } from '../api.module';
import { apiRoutes, controllersOf } from './api-routes';
import { buildContract } from './build-contract';
import { CONTRACT_FILES, contractFiles } from './contract-files';
import { responseSchemas } from './response-schemas';

const root = join(__dirname, '../../../..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

/**
 * The contract as committed: git's index when this is a checkout (`npm run build` rewrites the working copy before the
 * tests run in CI, so comparing the working copy would compare the generation with itself), the file otherwise.
 */
const committed = (path: string): string => {
  try {
    return execFileSync('git', ['show', `:${path}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 16 * 2 ** 20 });
  } catch {
    return readFileSync(join(root, path), 'utf8');
  }
};

const responses = responseSchemas(root);

describe('libs/contracts', () => {
  const generated = contractFiles(root, version, responses);

  it.each(Object.values(CONTRACT_FILES))('%s as committed is what the API code generates now (`npm run build` writes it: stage it)', (path) => {
    expect(committed(path)).toBe(generated[path]);
  });
});

describe(buildContract.name, () => {
  const sut = buildContract(apiRoutes(controllersOf(ApiModule)), responses, '0.0.0');
  type Content = Record<string, { schema: Record<string, unknown> }>;
  interface Answer {
    description: string;
    content?: Content;
  }
  type Operation = Record<string, unknown> & { responses: Record<string, Answer> };
  const operations = sut.openapi.paths as Record<string, Record<string, Operation>>;
  const operation = (method: string, path: string): Operation => operations[path][method];
  /** The one answer an operation declares, under the status Nest sends on success. */
  const answer = (op: Operation): Answer => {
    const [only, ...others] = Object.values(op.responses);
    expect(others).toEqual([]);
    return only;
  };
  const components = (sut.openapi.components as { schemas: Record<string, Record<string, unknown>> }).schemas;

  it('reads the role policy from @Public() and @Roles(): public, any member, or the roles named', () => {
    expect(sut.routePolicy['GET /api/health']).toBe('public');
    expect(sut.routePolicy['GET /api/figures']).toBe('member');
    expect([...(sut.routePolicy['PUT /api/figures/:id'] as string[])].sort()).toEqual(['admin', 'finance']);
    expect(sut.routePolicy['GET /api/audit-log']).toEqual(['admin']);
  });

  it('reads an operator-only route from @OperatorOnly() (the guard metadata): « opérateur de la plateforme », not a member route', () => {
    expect(sut.routePolicy['POST /api/operations/queue-board-session']).toBe('operator');
    expect(sut.routePolicy['GET /api/operations/me']).toBe('member');
    expect(operation('post', '/api/operations/queue-board-session')['x-levier-access-label']).toBe('opérateur de la plateforme');
  });

  it('keeps the fields a DTO writes, not the read-only fields it only tolerates, and names the integers', () => {
    expect(sut.writableFields.figures).toEqual(['value', 'comment', 'reason']);
    expect(sut.writableFields['report-subscriptions']).not.toContain('nextRunAt');
    expect(sut.integerFields['price-indices']).toEqual(['year']);
  });

  it('names the type each indicator endpoint of the admin answers with (libs/contracts)', () => {
    const declared = (path: string) => operation('get', path).responses['200'].description;
    expect(declared('/api/indicators/summary')).toBe('IndicatorSummary');
    expect(declared('/api/indicators/series')).toBe('IndicatorSeries | PayerSeries');
    expect(declared('/api/indicators/explain')).toBe('Explanation');
    expect(declared('/api/indicators/reallocation')).toBe('Reallocation');
    expect(declared('/api/indicators/alerts')).toBe('IndicatorAlerts');
  });

  it('names the response type of every JSON endpoint (files and pages written by the controller aside)', () => {
    const untyped = Object.entries(operations).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([, op]) => answer(op).description === 'réponse non typée')
        .map(([method]) => `${method} ${path}`),
    );
    expect(untyped).toEqual([]);
  });

  it('gives every JSON answer a JSON Schema written from its declared type, named types as components', () => {
    const schemas = Object.values(operations)
      .flatMap((o) => Object.values(o))
      .flatMap((op) => Object.values(answer(op).content ?? {}).map((c) => c.schema));
    expect(schemas.length).toBeGreaterThan(100);
    expect(schemas.filter((s) => s.$ref === undefined && s.type === undefined && s.anyOf === undefined)).toEqual([]);
    const refs = new Set(JSON.stringify(sut.openapi).match(/#\/components\/schemas\/[A-Za-z0-9_]+/g));
    expect([...refs].filter((ref) => !(ref.replace('#/components/schemas/', '') in components))).toEqual([]);
    expect(components.IndicatorSummary).toMatchObject({ type: 'object', properties: { grossSavings: { anyOf: [{ type: 'string' }, { type: 'null' }] } } });
    // what JSON.stringify writes: a Date is an ISO string; an object says which properties it has, and no other
    expect(components.SimulationResponse).toMatchObject({ properties: { createdAt: { type: 'string', format: 'date-time' } }, additionalProperties: false });
  });

  it('declares each answer under the status Nest sends on success: 201 for a creation, @HttpCode() when set, 200 otherwise', () => {
    const statuses = (method: string, path: string): string[] => Object.keys(operation(method, path).responses);
    expect(statuses('post', '/api/unit-costs')).toEqual(['201']);
    expect(statuses('get', '/api/unit-costs')).toEqual(['200']);
    expect(statuses('put', '/api/unit-costs/{id}')).toEqual(['200']);
    expect(statuses('post', '/api/auth/login')).toEqual(['200']); // @HttpCode(200)
    expect(statuses('post', '/api/submissions')).toEqual(['202']); // @HttpCode(202)
    expect(statuses('post', '/api/auth/logout')).toEqual(['204']);
    expect(operation('post', '/api/auth/logout').responses['204'].content).toBeUndefined(); // no body
    const unnamed = Object.entries(operations).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).flatMap(([method, op]) =>
        Object.keys(op.responses)
          .filter((status) => !/^[1-5]\d\d$/.test(status))
          .map(() => `${method} ${path}`),
      ),
    );
    expect(unnamed).toEqual([]);
  });

  it('writes the numbers declared `Integer` (libs/contracts) as integers, and the others as numbers', () => {
    const property = (component: string, name: string): unknown => (components[component].properties as Record<string, unknown>)[name];
    expect(property('PriceIndexResponse', 'year')).toEqual({ type: 'integer' });
    expect(property('SubmissionRowError', 'line')).toMatchObject({ type: 'integer' });
    expect(property('Completeness', 'expected')).toMatchObject({ type: 'integer' });
    expect(property('IndicatorAlerts', 'year')).toMatchObject({ type: 'integer' });
    // `Integer | null` stays nullable
    expect(property('UnitCostResponse', 'grade')).toMatchObject({ anyOf: [{ type: 'integer' }, { type: 'null' }] });
    // a Sankey link's value is an amount, not a count: still a number
    const link = (components.SankeyGraph.properties as Record<string, { items: { properties: Record<string, unknown> } }>).links.items.properties;
    expect(link.source).toEqual({ anyOf: [{ type: 'string' }, { type: 'integer' }] });
    expect(link.value).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }] });
    // no integer type is published as its own component (the brand is not an object)
    expect(Object.keys(components).filter((name) => name.startsWith('Integer'))).toEqual([]);
  });

  it('describes query strings and bodies from the validation rules', () => {
    const series = operation('get', '/api/indicators/series').parameters as Array<{ name: string; schema: { enum?: unknown[] } }>;
    expect(series.find((p) => p.name === 'groupBy')?.schema.enum).toEqual(['period', 'service', 'payer']);
    expect(operation('put', '/api/figures/{id}').requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/UpdateFigureDto' } } },
    });
  });
});
