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
  const operation = (method: string, path: string): Record<string, unknown> =>
    (sut.openapi.paths as Record<string, Record<string, Record<string, unknown>>>)[path][method];

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
    const declared = (path: string) => (operation('get', path).responses as Record<string, { description: string }>).default.description;
    expect(declared('/api/indicators/summary')).toBe('IndicatorSummary');
    expect(declared('/api/indicators/series')).toBe('IndicatorSeries | PayerSeries');
    expect(declared('/api/indicators/explain')).toBe('Explanation');
    expect(declared('/api/indicators/reallocation')).toBe('Reallocation');
    expect(declared('/api/indicators/alerts')).toBe('IndicatorAlerts');
  });

  it('names the response type of every JSON endpoint (files and pages written by the controller aside)', () => {
    const untyped = Object.entries(sut.openapi.paths as Record<string, Record<string, { responses: { default: { description: string } } }>>).flatMap(
      ([path, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => operation.responses.default.description === 'réponse non typée')
          .map(([method]) => `${method} ${path}`),
    );
    expect(untyped).toEqual([]);
  });

  it('gives every JSON answer a JSON Schema written from its declared type, named types as components', () => {
    type Content = Record<string, { schema: Record<string, unknown> }>;
    const operations = Object.values(sut.openapi.paths as Record<string, Record<string, { responses: { default: { content?: Content } } }>>).flatMap((o) =>
      Object.values(o),
    );
    const schemas = operations.flatMap((op) => Object.values(op.responses.default.content ?? {}).map((c) => c.schema));
    expect(schemas.length).toBeGreaterThan(100);
    expect(schemas.filter((s) => s.$ref === undefined && s.type === undefined && s.anyOf === undefined)).toEqual([]);
    const components = (sut.openapi.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const refs = new Set(JSON.stringify(sut.openapi).match(/#\/components\/schemas\/[A-Za-z0-9_]+/g));
    expect([...refs].filter((ref) => !(ref.replace('#/components/schemas/', '') in components))).toEqual([]);
    expect(components.IndicatorSummary).toMatchObject({ type: 'object', properties: { grossSavings: { anyOf: [{ type: 'string' }, { type: 'null' }] } } });
    // what JSON.stringify writes: a Date is an ISO string; an object says which properties it has, and no other
    expect(components.SimulationResponse).toMatchObject({ properties: { createdAt: { type: 'string', format: 'date-time' } }, additionalProperties: false });
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
