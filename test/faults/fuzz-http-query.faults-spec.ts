import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { routeTable, RouteInfo } from '../setup/route-table';
import { FaultsApi, HttpResult, problemIssue } from './support/http';
import { FILE_TIMEOUT_MS, FUZZ_SEED, scale } from './support/mode';
import { SummaryRecorder } from './support/summary';

jest.setTimeout(FILE_TIMEOUT_MS);

const PER_ROUTE = scale(8, 80);

/**
 * Fuzzing of what fuzz-http.faults-spec.ts does not reach: the query strings of every GET route and the ids of every
 * GET :id and DELETE route, read from the route table (Nest's metadata), so a route added later is fuzzed too. Every
 * answer is a 2xx, or a 4xx in French problem+json; never a 5xx. Query strings go raw on the wire: nested keys
 * (`filter[a]=1`, which Express parses into objects), repeated keys (arrays), broken percent-escapes, NUL bytes.
 */
const nasty = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0000',
    '0000-01',
    '2024-13',
    '2024-Q5',
    '2024-00',
    '99999-01',
    '-1',
    '1e309',
    'NaN',
    'null',
    'undefined',
    'true',
    '[]',
    '{}',
    '[0,',
    '[0,9999999999]',
    '[-1,-5]',
    '["id","DESC"]',
    '["__proto__","ASC"]',
    '{"id":"x"}',
    '{"year":"\' OR 1=1 --"}',
    '{"id":["not-a-uuid"]}',
    '{"q":"%"}',
    '{"period":{"$gt":""}}',
    "'; DROP TABLE figure; --",
    '../../etc/passwd',
    '__proto__',
    'constructor',
    '\u0000',
    '\ud800',
    '9'.repeat(400),
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.json({ maxDepth: 2 }),
  // long, but under Node's 16 KiB header limit (above it Node's parser answers 431 itself, before the application)
  fc.constant('x'.repeat(3_000)),
);

/** Percent-encoding that never throws: a lone surrogate becomes U+FFFD (invalid UTF-8 is sent through RAW_BYTES). */
const encode = (value: string): string => encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8'));
/** Byte sequences that are not UTF-8, already percent-encoded: a lone surrogate, an overlong slash, a NUL, a lone continuation byte. */
const RAW_BYTES = ['%ED%A0%80', '%C0%AF', '%00', '%80', '%FF%FE', '%'];

/** Parameter names the routes read, and some they do not. */
const KEYS = [
  'filter',
  'sort',
  'range',
  'orgUnit',
  'from',
  'to',
  'period',
  'basis',
  'groupBy',
  'indicator',
  'granularity',
  'services',
  'service',
  'year',
  'version',
  'token',
  'format',
  'language',
  'q',
  'id',
  '__proto__',
  'constructor',
  'inconnu',
];

/** One `key=value` pair, encoded or raw, with the shapes Express's query parser turns into arrays and objects. */
const pair = fc.tuple(fc.constantFrom(...KEYS), nasty, fc.constantFrom('plain', 'nested', 'array', 'raw', 'bytes')).map(([key, value, shape]) => {
  const v = encode(value);
  switch (shape) {
    case 'bytes':
      return `${key}=${RAW_BYTES[value.length % RAW_BYTES.length]}`;
    case 'nested':
      return `${key}[a]=${v}`;
    case 'array':
      return `${key}[]=${v}&${key}[]=${v}`;
    case 'raw':
      // as a careless client sends it: no encoding at all, or a broken escape
      return `${key}=${value.replace(/[\u0000-\u001f#&\s]/g, '')}%${value.length % 2 === 0 ? 'zz' : ''}`;
    default:
      return `${key}=${v}`;
  }
});
const queryString = fc.array(pair, { minLength: 1, maxLength: 5 }).map((pairs) => pairs.join('&'));

/** An id in a path: a real-looking UUID, another tenant's shape, or garbage (percent-encoded, sometimes raw). */
const idInPath = fc.oneof(
  fc.uuid(),
  fc.constant(randomUUID().toUpperCase()),
  fc.constantFrom('0', '-1', '00000000-0000-0000-0000-000000000000', 'null', '%00', '%zz', '%ED%A0%80', '..', '%2e%2e', 'a'.repeat(3_000), '1;DROP TABLE x'),
  nasty.map(encode).filter((s) => s.length > 0),
);

describe('fuzzing GET query parameters and ids of GET and DELETE routes', () => {
  const summary = new SummaryRecorder(__filename);
  let api: FaultsApi;
  let admin: Record<string, string>;
  let routes: RouteInfo[];

  const issueOf = (label: string, res: HttpResult): string | null => {
    summary.add('inputsTried');
    if (res.status >= 500) return `${label} → ${res.status} ${res.text.slice(0, 200)}`;
    // the unsubscribe link of report emails is opened in a browser: it answers an HTML page, by design
    const page = label.includes('/unsubscribe') && (res.headers.get('content-type') ?? '').startsWith('text/html');
    const problem = page ? null : problemIssue(res);
    return problem ? `${label} → ${problem}` : null;
  };

  beforeAll(async () => {
    api = await FaultsApi.start(summary);
    admin = await api.login('admin@valmont.demo');
    routes = routeTable(api.api.app);
  });
  afterAll(async () => {
    await api?.close();
    summary.flush();
  });

  it('answers every fuzzed query string of every GET route with a 2xx or a French problem+json 4xx, never a 5xx', async () => {
    const targets = routes.filter((r) => r.method === 'GET');
    // a real id per collection, so that GET :id routes reach their service with the fuzzed query
    const realIds = new Map<string, string>();
    for (const r of targets.filter((t) => !t.path.includes(':'))) {
      const res = await api.request('GET', r.path, { headers: admin });
      const first = Array.isArray(res.body) ? (res.body[0] as { id?: unknown } | undefined) : undefined;
      if (typeof first?.id === 'string') realIds.set(r.path, first.id);
    }
    summary.note(`routes GET fuzzées : ${targets.length}`);
    expect(targets.length).toBeGreaterThan(40);
    const issues: string[] = [];
    for (const route of targets) {
      const path = route.path.replace(/:id/, realIds.get(route.path.replace(/\/:id.*$/, '')) ?? randomUUID());
      await fc.assert(
        fc.asyncProperty(queryString, async (qs) => {
          const res = await api.request('GET', `${path}?${qs}`, { headers: route.isPublic ? {} : admin });
          const issue = issueOf(`GET ${path}?${qs.slice(0, 160)}`, res);
          if (issue) issues.push(issue);
        }),
        { seed: FUZZ_SEED, numRuns: PER_ROUTE },
      );
    }
    expect(issues).toEqual([]);
  });

  it('answers every fuzzed id of every GET :id and DELETE route with a 2xx or a French problem+json 4xx, never a 5xx', async () => {
    const targets = routes.filter((r) => (r.method === 'GET' || r.method === 'DELETE') && r.path.includes(':'));
    summary.note(`routes :id fuzzées : ${targets.map((r) => r.key).join(', ')}`);
    expect(targets.filter((r) => r.method === 'DELETE').length).toBeGreaterThan(10);
    const issues: string[] = [];
    const ds = await api.api.db.dataSource();
    const [{ n: rowsBefore }] = await ds.query(`SELECT count(*)::int AS n FROM unit_cost`);
    for (const route of targets) {
      await fc.assert(
        fc.asyncProperty(idInPath, fc.option(queryString, { freq: 3 }), async (id, qs) => {
          const url = `${route.path.replace(/:[a-zA-Z]+/g, id)}${qs ? `?${qs}` : ''}`;
          const res = await api.request(route.method, url, { headers: route.isPublic ? {} : admin });
          const issue = issueOf(`${route.method} ${url.slice(0, 160)}`, res);
          if (issue) issues.push(issue);
          // a fuzzed id names nothing of the tenant's: a DELETE never succeeds with one
          if (route.method === 'DELETE' && res.status < 300) issues.push(`${route.method} ${url.slice(0, 160)} → ${res.status}`);
        }),
        { seed: FUZZ_SEED, numRuns: PER_ROUTE },
      );
    }
    expect(issues).toEqual([]);
    const [{ n: rowsAfter }] = await ds.query(`SELECT count(*)::int AS n FROM unit_cost`);
    expect(rowsAfter).toBe(rowsBefore);
  });
});
