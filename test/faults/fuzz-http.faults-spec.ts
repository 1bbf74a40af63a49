import { mkdtempSync, rmSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { TestingModule } from '@nestjs/testing';
import { runCompute } from '../../apps/api/src/cli/compute.command';
import { startTestWorker, wipeQueueKeys } from '../setup/test-worker';
import { FaultsApi, HttpResult, problemIssue } from './support/http';
import { figureSnapshot, lastAuditId, waitFinished } from './support/ledger';
import { FILE_TIMEOUT_MS, FUZZ_SEED, scale } from './support/mode';
import { SummaryRecorder } from './support/summary';

jest.setTimeout(FILE_TIMEOUT_MS);

const PER_ENDPOINT = scale(12, 80);
const FORMULAS = scale(120, 1500);
const SCENARIOS = scale(120, 1500);

type Schema = { type?: string; $ref?: string; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; oneOf?: Schema[]; allOf?: Schema[] };
interface Operation {
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  schema: Schema | undefined;
}

/** Hostile strings: formula injection, control characters, huge, SQL-ish, path-ish, prototype keys. */
const nasty = fc.oneof(
  fc.constantFrom(
    '=CMD()',
    '=cmd|"/c calc"!A1',
    '+1+1',
    '-2+3',
    '@SUM(A1)',
    "'; DROP TABLE figure; --",
    '../../etc/passwd',
    '__proto__',
    'constructor',
    '\u0000',
    '\ud800',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '9'.repeat(400),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constant('x'.repeat(70_000)),
);

const valueOf = (schema: Schema | undefined, components: Record<string, Schema>, depth: number): fc.Arbitrary<unknown> => {
  const s = schema?.$ref ? components[schema.$ref.split('/').pop()!] : schema;
  const wild = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nasty, fc.constant(null), fc.integer(), fc.double());
  if (!s || depth > 3) return wild;
  const typed: fc.Arbitrary<unknown> = s.enum
    ? fc.constantFrom(...s.enum)
    : s.type === 'string'
      ? nasty
      : s.type === 'number' || s.type === 'integer'
        ? fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 1e308, Number.MAX_SAFE_INTEGER + 2))
        : s.type === 'boolean'
          ? fc.boolean()
          : s.type === 'array'
            ? fc.array(valueOf(s.items, components, depth + 1), { maxLength: 4 })
            : s.properties
              ? objectOf(s, components, depth + 1)
              : wild;
  return fc.oneof({ arbitrary: typed, weight: 4 }, { arbitrary: wild, weight: 1 });
};

const objectOf = (s: Schema, components: Record<string, Schema>, depth: number): fc.Arbitrary<Record<string, unknown>> => {
  const props = Object.entries(s.properties ?? {});
  return fc
    .record(Object.fromEntries(props.map(([k, v]) => [k, valueOf(v, components, depth)])), { requiredKeys: [] })
    .chain((o) =>
      fc
        .option(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'inconnu', 'organisationId', 'id'), fc.jsonValue({ maxDepth: 2 })), { freq: 4 })
        .map((extra) => (extra ? { ...o, [extra[0]]: extra[1] } : o)),
    );
};

const bodyOf = (op: Operation, components: Record<string, Schema>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: op.schema ? valueOf(op.schema, components, 0) : fc.jsonValue({ maxDepth: 3 }), weight: 5 },
    { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 1 },
    { arbitrary: fc.constantFrom('{', '[1,2', 'null', '"texte"', '{"a":}', '\u0000'), weight: 1 },
  );

describe('fuzzing every reachable write endpoint, formulas and CLI scenarios', () => {
  const summary = new SummaryRecorder(__filename);
  let api: FaultsApi;
  let worker: TestingModule;
  let admin: Record<string, string>;
  let issues: string[] = [];

  const checkAnswer = (label: string, res: HttpResult): void => {
    summary.add('inputsTried');
    if (res.status >= 500) issues.push(`${label} → ${res.status} ${res.text.slice(0, 200)}`);
    // the unsubscribe link of report emails is opened in a browser: it answers an HTML page, by design
    const problem = label.includes('/unsubscribe') && (res.headers.get('content-type') ?? '').startsWith('text/html') ? null : problemIssue(res);
    if (problem) issues.push(`${label} → ${problem}`);
  };

  beforeAll(async () => {
    api = await FaultsApi.start(summary);
    worker = await startTestWorker(api.api.db.url, api.api.queuePrefix);
    admin = await api.login('admin@valmont.demo');
  });
  beforeEach(() => {
    issues = [];
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    if (api) await wipeQueueKeys(api.api.queuePrefix);
    summary.flush();
  });

  it('answers every fuzzed JSON body of every write endpoint with a 2xx or a problem+json 4xx in French, never a 5xx', async () => {
    const ds = await api.api.db.dataSource();
    const figuresBefore = await figureSnapshot(ds);
    const auditBefore = await lastAuditId(ds);
    const doc = (await api.request('GET', '/api/docs-json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
      components: { schemas: Record<string, Schema> };
    };
    const ops: Operation[] = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods)
        .filter(([m]) => ['post', 'put', 'patch'].includes(m))
        .map(([m, op]) => ({ method: m.toUpperCase() as Operation['method'], path: p, schema: op.requestBody?.content?.['application/json']?.schema })),
    );
    const skipped = ['/api/auth/logout'];
    const targets = ops.filter((o) => !skipped.includes(o.path));
    summary.note(`points d’écriture découverts : ${targets.map((o) => `${o.method} ${o.path}`).join(', ')}`);
    expect(targets.length).toBeGreaterThan(5);

    // a real id per resource, so that updates reach the service and its database code, not only the 404 of an unknown id
    const realId = async (p: string): Promise<string> => {
      const list = await api.request('GET', p.split('/{')[0], { headers: admin });
      const first = Array.isArray(list.body) ? (list.body[0] as { id?: unknown } | undefined) : undefined;
      return typeof first?.id === 'string' ? first.id : '00000000-0000-4000-8000-000000000000';
    };
    const submissionIds: string[] = [];
    for (const op of targets) {
      const useReal = !op.path.includes('/users/') && !op.path.endsWith('/send');
      const id = op.path.includes('{') ? (useReal ? await realId(op.path) : '00000000-0000-4000-8000-000000000000') : '';
      const concrete = op.path.replace(/\{[^}]+\}/g, (name) => (name === '{action}' ? 'approve' : id));
      const auth = op.path.startsWith('/api/auth/login') ? {} : admin;
      await fc.assert(
        fc.asyncProperty(bodyOf(op, doc.components.schemas), async (body) => {
          const res = await api.request(op.method, concrete, { headers: auth, json: typeof body === 'string' ? body : JSON.stringify(body) });
          checkAnswer(`${op.method} ${concrete} ${JSON.stringify(body)?.slice(0, 120)}`, res);
          if (op.path === '/api/submissions' && res.status === 202) submissionIds.push((res.body as { id: string }).id);
        }),
        { seed: FUZZ_SEED, numRuns: PER_ENDPOINT, endOnFailure: true },
      );
    }
    summary.add('http500', 0);
    expect(issues).toEqual([]);

    // fuzzed submissions that were accepted end rejected (or applied, if valid), and a rejected one wrote nothing
    expect(await waitFinished(ds, submissionIds, 60_000)).toEqual([]);
    const written = (await ds.query(
      `SELECT s.status, count(a.id)::int AS n FROM submission s LEFT JOIN audit_log a ON a.submission_id = s.id AND a.id > $2
        WHERE s.id = ANY($1::uuid[]) GROUP BY s.id, s.status`,
      [submissionIds, auditBefore],
    )) as { status: string; n: number }[];
    const partial = written.filter((w) => w.status === 'rejected' && w.n > 0).length;
    summary.add('partialWrites', partial);
    summary.add('submissions', submissionIds.length);
    expect(partial).toBe(0);
    void figuresBefore;
  });

  it('rejects every malformed custom-indicator formula with a 4xx naming the problem, never a 5xx', async () => {
    const preview = '/api/custom-indicators/preview';
    // the route must exist and evaluate a valid formula, or the fuzzing below would only meet 404s and prove nothing
    const probe = await api.request('POST', preview, { headers: admin, json: { numerator: '#{spend}' } });
    expect(probe.status).toBe(200);
    const metric = fc.constantFrom('#{spend}', '#{meals}', '#{hours.SAAD}', '#{inconnu}', '#{', '#{}', '#{spend.}', '#{a.b.c}');
    const token = fc.oneof(
      metric,
      fc.constantFrom(
        '+',
        '-',
        '*',
        '/',
        '(',
        ')',
        ',',
        'sum(',
        'min(',
        'max(',
        'if(',
        'isMissing(',
        'eval(',
        'constructor',
        '__proto__',
        '1e999',
        '0',
        '0.0',
        '1/0',
        '"',
        "'",
        ' ',
        '\n',
      ),
      fc.integer({ min: -1e6, max: 1e6 }).map(String),
      fc.double({ noNaN: false }).map(String),
      fc.string({ maxLength: 6 }),
    );
    const formula = fc.oneof(
      fc.array(token, { maxLength: 30 }).map((t) => t.join('')),
      fc.constant('('.repeat(5000) + '1' + ')'.repeat(5000)),
      fc.constant('1+'.repeat(3000) + '1'),
    );
    await fc.assert(
      fc.asyncProperty(formula, fc.option(formula), fc.option(fc.constantFrom('100', '0', 'x', '1e400', '-1')), async (numerator, denominator, factor) => {
        const res = await api.request('POST', preview, { headers: admin, json: { numerator, denominator, factor } });
        checkAnswer(`formule ${JSON.stringify({ numerator, denominator, factor }).slice(0, 160)}`, res);
      }),
      { seed: FUZZ_SEED, numRuns: FORMULAS, endOnFailure: true },
    );
    expect(issues).toEqual([]);
  });

  it('makes `levier compute` exit 0 or 2 with a message on every fuzzed scenario file, never throw', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'levier-faults-cli-'));
    const vectorsDir = path.resolve(__dirname, '../../../shared/vectors');
    const vectors = readdirSync(vectorsDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(path.join(vectorsDir, f), 'utf8')) as Record<string, unknown>);
    // a valid scenario with one path set to a hostile value, or pure noise
    const mutate = (value: unknown, pathKeys: string[], replacement: unknown): unknown => {
      if (pathKeys.length === 0 || value === null || typeof value !== 'object') return replacement;
      const [head, ...rest] = pathKeys;
      const copy: Record<string, unknown> = Array.isArray(value)
        ? ([...value] as unknown as Record<string, unknown>)
        : { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      if (keys.length === 0) return replacement;
      const key = keys[Math.abs(Number.parseInt(head, 10)) % keys.length];
      copy[key] = mutate(copy[key], rest, replacement);
      return copy;
    };
    const hostile = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('-1', '1e400', '0', 'NaN', -1, 0, 1e308, '', null, [], {}, '1/0', 'x'.repeat(10_000)),
    );
    const scenario = fc.oneof(
      {
        arbitrary: fc
          .tuple(fc.constantFrom(...vectors), fc.array(fc.nat().map(String), { minLength: 1, maxLength: 5 }), hostile)
          .map(([v, p, r]) => JSON.stringify(mutate(v, p, r))),
        weight: 6,
      },
      { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 1 },
      { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
    );
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(scenario, fc.constantFrom('json', 'table'), async (text, format) => {
          const file = path.join(dir, `s-${(n += 1)}.json`);
          writeFileSync(file, text);
          const out: string[] = [];
          const err: string[] = [];
          let code: number;
          try {
            code = await runCompute([file, '--format', format], { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) });
          } catch (thrown) {
            issues.push(`levier compute a levé ${String(thrown).slice(0, 200)} sur ${text.slice(0, 200)}`);
            return;
          } finally {
            summary.add('inputsTried');
          }
          if (code !== 0 && code !== 2) issues.push(`levier compute : code ${code}`);
          if (code === 2 && err.join('').trim().length < 10) issues.push(`levier compute : code 2 sans message pour ${text.slice(0, 120)}`);
        }),
        { seed: FUZZ_SEED, numRuns: SCENARIOS, endOnFailure: true },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(issues).toEqual([]);
  });
});
