import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { createScopedUser } from '../factories/scoped-users.factory';
import { loginAs } from '../setup/demo-session';
import { RouteInfo, routeTable } from '../setup/route-table';

/**
 * Cross-tenant writes with VALID bodies, on every write route of the route table (read from Nest's metadata, so a new
 * route is covered or fails here). The access matrix sends `{}`, which validation refuses (400) before the tenant check
 * is reached; here a Bellerive admin sends a body its own tenant accepts (proved by a control call on its own row):
 *  - to a Valmont id in the path: 404, word for word the answer for an id that does not exist (never 2xx, never 403);
 *  - with a Valmont org unit, service or record (code or id) in the body in place of its own: never 2xx, never 403,
 *    the same answer as for a code or id that does not exist;
 * and after each call every Valmont row of every tenant table (derived from information_schema) is unchanged, and no
 * row of one organisation points to a row of another through a foreign key (derived from pg_constraint).
 * Bodies are derived: for a resource collection (`C` with `GET C/:id`), the tenant's own row as the API returns it,
 * reduced to the fields of the route's body DTO (class-validator metadata). Only routes that are not resources need a
 * body written below (ACTIONS); a new one without an entry fails the first test.
 */

interface Tenant {
  name: string;
  id: string;
  auth: { Authorization: string };
  root: string;
  leaves: string[];
  services: string[];
  email: string;
}
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Row = JsonObject & { id: string };
/** The properties a body DTO accepts, with the shape of its nested DTO objects (`@ValidateNested()`). */
interface Shape {
  [property: string]: Shape | null;
}

/** Write routes that act on no tenant resource: the caller's own session or a signed public link (tested elsewhere). */
const NOT_TENANT_RESOURCES: Record<string, string> = {
  'POST /api/auth/login': 'ouvre une session, aucune ressource de locataire',
  'POST /api/auth/logout': 'ferme la session de l’appelant',
  'POST /api/auth/refresh': 'renouvelle la session de l’appelant',
  'POST /api/auth/password': 'change le mot de passe de l’appelant',
  'POST /api/auth/password-reset/request': 'public, réponse identique pour toute adresse (auth.e2e)',
  'POST /api/auth/password-reset/confirm': 'public, jeton signé (auth.e2e)',
  'POST /api/report-subscriptions/unsubscribe': 'public, lien signé (forged-tokens.e2e, reports-unsubscribe.int)',
  'POST /api/submissions/inspect': 'lit le fichier envoyé, sans rien lire ni écrire en base (submission-inspect.e2e)',
  'POST /api/operations/queue-board-session':
    'pose le cookie de session du tableau des files, réservé aux opérateurs de l’instance (operations-queue-board.e2e)',
};

/** Write routes that are not a resource collection: their path and a body valid for the tenant `t`. */
const ACTIONS: Record<string, { path?: string; body: (t: Tenant) => JsonObject }> = {
  'POST /api/periods/:action': { path: '/api/periods/submit', body: (t) => ({ orgUnit: t.leaves[0], period: '2024-12' }) },
  'POST /api/custom-indicators/preview': { body: (t) => ({ numerator: '#{beneficiaries}', orgUnit: t.root, from: '2024-01', to: '2024-12' }) },
  'POST /api/simulations/preview': {
    body: (t) => ({ levers: [{ kind: 'scale', service: t.services[0], factor: '1.1' }], orgUnit: t.root, from: '2024-01', to: '2024-12' }),
  },
  'POST /api/methodology-versions': {
    body: () => ({ label: 'Méthode d’essai', effectiveFrom: '2026-01-01', parameters: { baseYear: 2024, discountRate: '0.032', discountConvention: 0 } }),
  },
  'POST /api/submissions': {
    body: (t) => ({ figures: [{ orgUnit: t.leaves[0], service: t.services[0], metric: 'beneficiaries', period: '2024-12', value: '3' }] }),
  },
  'POST /api/report-subscriptions/:id/send': { body: () => ({ period: '2024-12' }) },
  'POST /api/import-templates': {
    body: () => ({
      name: 'Modèle mensuel',
      mapping: { layout: 'long', columns: { service: 'Service', metric: 'Indicateur', period: 'Période', value: 'Valeur' }, constants: {} },
    }),
  },
  'DELETE /api/import-templates/:id': { body: () => ({}) },
  'PUT /api/approval-settings': { body: () => ({ fourEyes: true, reason: 'Règle des quatre yeux maintenue' }) },
};

/** A first row for the collections the demo leaves empty, so that both tenants have one to aim at. */
const SEEDS: Record<string, (t: Tenant) => JsonObject> = {
  '/api/budget-years': () => ({ year: 2023, section: 'FONCTIONNEMENT', realExpenditure: '1000000' }),
  '/api/import-templates': () => ({
    name: 'Modèle d’essai',
    mapping: { layout: 'long', columns: { service: 'Service', metric: 'Indicateur', period: 'Période', value: 'Valeur' }, constants: {} },
  }),
  '/api/submissions': (t) => ({
    figures: [{ orgUnit: t.leaves[0], service: t.services[0], metric: 'beneficiaries', period: '2024-12', value: '3' }],
  }),
  '/api/custom-indicators': () => ({ code: 'COUT_BENEF', label: 'Coût par bénéficiaire', unit: '€', numerator: '#{spend}', denominator: '#{beneficiaries}' }),
  '/api/indicator-targets': (t) => ({ indicator: 'offsetRatio', orgUnit: t.root, year: 2024, target: '1' }),
  '/api/report-subscriptions': (t) => ({ name: 'Bilan mensuel', recipients: [t.email], orgUnits: [t.root] }),
  '/api/simulations': (t) => ({
    name: 'Essai',
    scope: { orgUnit: t.root, from: '2024-01', to: '2024-12' },
    levers: [{ kind: 'scale', service: t.services[0], factor: '1.1' }],
  }),
  '/api/initiatives': (t) => ({ title: 'Essai', orgUnit: t.root, team: 'Équipe d’essai', service: t.services[0], startDate: '2024-03-01', status: 'idea' }),
};

/** Fields that must differ from the row a create body is copied from (unique per tenant). */
const UNIQUE_TEXT = new Set(['code', 'name', 'label', 'agentRef', 'displayName']);
const BELLERIVE_ADMIN = 'admin@bellerive.test';

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const collectionOf = (path: string): string => path.replace(/\/:[a-z]+.*$/i, '');

const shapeOf = (dto: new () => object): Shape => {
  const shape: Shape = {};
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    // a nested DTO object: its class is the property's design type (a list of them stays as it is)
    const nested = m.type === 'nestedValidation' ? (Reflect.getMetadata('design:type', dto.prototype, m.propertyName) as unknown) : undefined;
    const isDto = typeof nested === 'function' && nested !== Object && nested !== Array;
    shape[m.propertyName] = isDto ? shapeOf(nested as new () => object) : (shape[m.propertyName] ?? null);
  }
  return shape;
};

/** The shape of each route's @Body() DTO (the whitelist), read from Nest's and class-validator's metadata. */
const bodyShapes = (app: INestApplication): Map<string, Shape> => {
  const byHandler = new Map<unknown, Shape>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const proto = controller.prototype as Record<string, unknown>;
      // its own handlers and those it inherits (a controller extending crudController(…))
      const names = new Set<string>();
      for (let p: object | null = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
        for (const name of Object.getOwnPropertyNames(p)) names.add(name);
      }
      for (const name of names) {
        if (name === 'constructor') continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const types = (Reflect.getMetadata('design:paramtypes', proto, name) ?? []) as (new () => object)[];
        const body = Object.entries(args).find(([key, arg]) => key.startsWith(`${RouteParamtypes.BODY}:`) && arg.data === undefined);
        if (body && types[body[1].index]) byHandler.set(proto[name], shapeOf(types[body[1].index]));
      }
    }
  }
  const out = new Map<string, Shape>();
  for (const route of routeTable(app)) {
    const shape = byHandler.get(route.handler);
    if (shape) out.set(route.key, shape);
  }
  return out;
};

/** A record as the API returns it, reduced to what a body DTO accepts (never its id), nested DTOs included. */
const pick = (row: JsonObject, shape: Shape): JsonObject =>
  Object.fromEntries(
    Object.keys(shape)
      .filter((f) => f in row && f !== 'id')
      .map((f) => {
        const nested = shape[f];
        const value = row[f];
        if (nested === null) return [f, value];
        if (Array.isArray(value)) return [f, value.map((v) => (isObject(v) ? pick(v, nested) : v))];
        return [f, isObject(value) ? pick(value, nested) : value];
      }),
  );

describe('cross-tenant writes with valid bodies', () => {
  let sut: TestApi;
  let ds: DataSource;
  let routes: RouteInfo[];
  let shapes: Map<string, Shape>;
  let valmont: Tenant;
  let bellerive: Tenant;
  let tenantTables: string[];
  /** Each tenant's rows per resource collection, as its admin reads them. */
  const rows = new Map<string, { valmont: Row[]; bellerive: Row[] }>();
  const http = () => request(sut.app.getHttpServer());

  const send = (method: string, url: string, auth: Tenant['auth'], body?: JsonObject) => {
    switch (method) {
      case 'POST':
        return http().post(url).set(auth).send(body);
      case 'PUT':
        return http().put(url).set(auth).send(body);
      case 'PATCH':
        return http().patch(url).set(auth).send(body);
      case 'DELETE':
        return http().delete(url).set(auth);
      default:
        throw new Error(`méthode ${method}`);
    }
  };

  /** Every Valmont row of every tenant table, hashed: what no Bellerive call may change. */
  const fingerprint = async (): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    for (const table of tenantTables) {
      const [{ h }] = await ds.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t WHERE organisation_id = $1`, [
        valmont.id,
      ]);
      out[table] = h as string;
    }
    return out;
  };

  const listAll = async (path: string, tenant: Tenant): Promise<Row[]> => {
    const res = await http().get(path).query({ range: '[0,499]' }).set(tenant.auth);
    if (res.status !== 200 || !Array.isArray(res.body)) throw new Error(`GET ${path} (${tenant.name}) → ${res.status}`);
    return res.body as Row[];
  };
  const readOne = async (collection: string, id: string, tenant: Tenant): Promise<JsonObject> => {
    const res = await http().get(`${collection}/${id}`).set(tenant.auth);
    if (res.status !== 200) throw new Error(`GET ${collection}/${id} (${tenant.name}) → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as JsonObject;
  };

  const resourceCollections = (): string[] =>
    [...new Set(routes.filter((r) => r.method === 'GET' && /\/:id$/.test(r.path)).map((r) => collectionOf(r.path)))].filter((c) =>
      routes.some((r) => r.method !== 'GET' && collectionOf(r.path) === c),
    );

  /**
   * The references a body makes to the tenant's own records, each with the body rewritten to point at Valmont's record
   * of the same kind instead, and at one that does not exist. Org units and services are matched by code, other records
   * by code or id; the body's own collection is skipped (a create names its own code).
   */
  const references = (
    body: JsonObject,
    ownCollection: string,
  ): { path: string; attack: JsonObject; unknown: JsonObject; valmontValue: string; unknownValue: string }[] => {
    const swaps = new Map<string, { valmontValue: string; unknownValue: string }>();
    for (const [collection, both] of rows) {
      if (collection === ownCollection) continue;
      for (const own of both.bellerive) {
        const valmontOnly = both.valmont.find((v) => typeof v.code === 'string' && !both.bellerive.some((b) => b.code === v.code));
        if (typeof own.code === 'string' && valmontOnly && typeof valmontOnly.code === 'string') {
          const leafLike =
            collection === '/api/org-units'
              ? own.leaf === valmontOnly.leaf
                ? valmontOnly
                : (both.valmont.find((v) => v.leaf === own.leaf && v.code !== own.code) ?? valmontOnly)
              : valmontOnly;
          swaps.set(own.code, {
            valmontValue: String(leafLike.code),
            unknownValue: `INCONNU_${collection.split('/').pop()!.toUpperCase().replace(/-/g, '_')}`,
          });
        }
        if (both.valmont[0]) swaps.set(own.id, { valmontValue: both.valmont[0].id, unknownValue: randomUUID() });
      }
    }
    const found: { path: string; attack: JsonObject; unknown: JsonObject; valmontValue: string; unknownValue: string }[] = [];
    const walk = (value: Json, path: (string | number)[]) => {
      if (typeof value === 'string' && path[path.length - 1] !== 'id' && swaps.has(value)) {
        const swap = swaps.get(value)!;
        const rewrite = (to: string): JsonObject => {
          const copy = JSON.parse(JSON.stringify(body)) as JsonObject;
          let at: Json = copy;
          for (const key of path.slice(0, -1)) at = (at as Record<string | number, Json>)[key];
          (at as Record<string | number, Json>)[path[path.length - 1]] = to;
          return copy;
        };
        found.push({ path: path.join('.'), attack: rewrite(swap.valmontValue), unknown: rewrite(swap.unknownValue), ...swap });
      } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(body, []);
    return found;
  };

  /** What a caller can read from an answer, with the one value we changed replaced so two answers compare. */
  const visible = (res: request.Response, values: string[]): string => {
    const body = res.body as JsonObject;
    let text = JSON.stringify({ status: res.status, type: body.type, title: body.title, detail: body.detail, errors: body.errors });
    for (const v of values) text = text.split(v).join('«réf»');
    return text;
  };

  let counter = 0;
  /** A create body from one of the tenant's own rows, with its unique text fields changed. */
  const createBody = (row: JsonObject, routeKey: string): JsonObject => {
    counter += 1;
    const shape = shapes.get(routeKey) ?? {};
    const body = pick(row, shape);
    for (const key of Object.keys(body)) {
      const v = body[key];
      if (UNIQUE_TEXT.has(key) && typeof v === 'string') body[key] = `${v}X${counter}`;
      if (key === 'email' && typeof v === 'string') body[key] = `copie${counter}.${v}`;
    }
    if ('password' in shape) body.password = 'Un mot de passe assez long 42';
    return body;
  };

  beforeAll(async () => {
    const demo = await startDemoApi();
    sut = demo.api;
    ds = await sut.db.dataSource();
    const orgId = (name: string) => demo.organisations.get(name)!;
    await createScopedUser(ds, 'CCAS de Bellerive', BELLERIVE_ADMIN, [['admin', null]], 'Admin Bellerive');
    const tenant = async (name: string, email: string): Promise<Tenant> => {
      const auth = await loginAs(sut.app, email);
      const units = (await http().get('/api/org-units').set(auth).expect(200)).body as { code: string; parentId: string | null }[];
      const services = (await http().get('/api/services').set(auth).expect(200)).body as { code: string }[];
      return {
        name,
        id: orgId(name),
        auth,
        email,
        root: units.find((u) => u.parentId === null)!.code,
        leaves: units.filter((u) => u.parentId !== null).map((u) => u.code),
        services: services.map((s) => s.code),
      };
    };
    valmont = await tenant('CCAS de Valmont', 'admin@valmont.demo');
    bellerive = await tenant('CCAS de Bellerive', BELLERIVE_ADMIN);
    // the service that Bellerive has goes first, so derived bodies name a service of the tenant that sends them
    bellerive.services.sort();
    valmont.services.sort((a, b) => Number(bellerive.services.includes(b)) - Number(bellerive.services.includes(a)));

    routes = routeTable(sut.app);
    shapes = bodyShapes(sut.app);
    tenantTables = (
      (await ds.query(
        `SELECT table_name AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organisation_id' ORDER BY 1`,
      )) as { t: string }[]
    ).map((r) => r.t);

    // every tenant has at least one row in every resource collection: seeds, else a copy of the other tenant's row
    // import templates have writes by id but no GET by id: their rows come from the list, their first one from SEEDS
    for (const collection of ['/api/org-units', '/api/services', '/api/import-templates', ...resourceCollections()]) {
      const mine = { valmont: await listAll(collection, valmont), bellerive: await listAll(collection, bellerive) };
      for (const [who, other] of [
        [valmont, 'bellerive'],
        [bellerive, 'valmont'],
      ] as const) {
        const key = who === valmont ? 'valmont' : 'bellerive';
        if (mine[key].length > 0) continue;
        const seed = SEEDS[collection];
        const source = !seed && mine[other][0] ? await readOne(collection, mine[other][0].id, other === 'valmont' ? valmont : bellerive) : undefined;
        const body = seed
          ? seed(who)
          : source
            ? translate(createBody(source, `POST ${collection}`), other === 'valmont' ? valmont : bellerive, who)
            : undefined;
        if (!body) continue;
        const res = await http().post(collection).set(who.auth).send(body);
        if (res.status >= 300) throw new Error(`POST ${collection} (${who.name}) → ${res.status} ${JSON.stringify(res.body)} pour ${JSON.stringify(body)}`);
        mine[key] = await listAll(collection, who);
      }
      rows.set(collection, mine);
    }
  }, 300_000);
  afterAll(async () => {
    await sut?.close();
  }, 60_000);

  /** A body of one tenant, its org unit and service codes replaced by the other's (for seeding a copy). */
  const translate = (body: JsonObject, from: Tenant, to: Tenant): JsonObject => {
    const map = (v: string): string => {
      if (v === from.root) return to.root;
      if (from.leaves.includes(v)) return to.leaves[0];
      if (from.services.includes(v) && !to.services.includes(v)) return to.services[0];
      return v;
    };
    const walk = (v: Json): Json =>
      typeof v === 'string' ? map(v) : Array.isArray(v) ? v.map(walk) : isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v;
    return walk(body) as JsonObject;
  };

  const writeRoutes = () => routes.filter((r) => r.method !== 'GET' && !(r.key in NOT_TENANT_RESOURCES));
  const ownRow = (collection: string): Row => {
    const both = rows.get(collection);
    if (!both?.bellerive[0] || !both.valmont[0]) throw new Error(`aucune ligne des deux organisations dans ${collection} : ajoutez une entrée à SEEDS`);
    return both.bellerive[0];
  };
  /** A body the tenant's own data makes valid for this route. */
  const validBody = async (route: RouteInfo): Promise<JsonObject | undefined> => {
    if (route.method === 'DELETE') return undefined;
    const action = ACTIONS[route.key];
    if (action) return action.body(bellerive);
    const collection = collectionOf(route.path);
    const own = await readOne(collection, ownRow(collection).id, bellerive);
    return route.path.endsWith('/:id') ? pick(own, shapes.get(route.key) ?? {}) : createBody(own, route.key);
  };
  const urlFor = (route: RouteInfo, id: string): string => ACTIONS[route.key]?.path ?? route.path.replace(':id', id);

  it('knows how to build a valid body for every write route (new routes: a resource collection, or an entry in ACTIONS)', () => {
    const unknown = writeRoutes()
      .filter((r) => !(r.key in ACTIONS))
      .filter((r) => !routes.some((g) => g.key === `GET ${collectionOf(r.path)}/:id`))
      .map((r) => r.key);
    expect(unknown).toEqual([]);
    expect(Object.keys(ACTIONS).filter((k) => !routes.some((r) => r.key === k))).toEqual([]);
    expect(writeRoutes().length).toBeGreaterThanOrEqual(40);
  });

  it('refuses (never 2xx, never 403) a valid body that names a Valmont unit, service or record in place of its own, as an unknown one; Valmont unchanged', async () => {
    const wrong: string[] = [];
    let attacks = 0;
    const bodyRoutes = writeRoutes().filter((r) => r.method !== 'DELETE');
    for (const route of bodyRoutes) {
      const collection = collectionOf(route.path);
      const body = (await validBody(route))!;
      const url = urlFor(route, route.path.includes(':id') ? ownRow(collection).id : '');
      const refs = references(body, collection);
      if (refs.length > 0) {
        // the control: unchanged, the body is accepted (a create copied from an existing row may conflict, 409, after validation)
        const control = await send(route.method, url, bellerive.auth, body);
        if (control.status >= 300 && control.status !== 409)
          wrong.push(`${route.key} contrôle → ${control.status} ${JSON.stringify(control.body)} pour ${JSON.stringify(body)}`);
      }
      for (const ref of refs) {
        attacks += 1;
        const before = await fingerprint();
        const attack = await send(route.method, url, bellerive.auth, ref.attack);
        const after = await fingerprint();
        const unknown = await send(route.method, url, bellerive.auth, ref.unknown);
        const where = `${route.key} ${ref.path}=${ref.valmontValue}`;
        // 2xx is allowed in two cases only, and only when an unknown reference gets the same answer: an accepted
        // submission (202), whose rows the worker validates later one by one, and a read-only field react-admin sends
        // back with the record (PUT /api/figures/:id), ignored: then the tenant's own row must not carry the Valmont value
        const ownAfter = route.path.endsWith('/:id') ? JSON.stringify(await readOne(collection, ownRow(collection).id, bellerive)) : '';
        const ignored = attack.status === unknown.status && (attack.status === 202 || (route.path.endsWith('/:id') && !ownAfter.includes(ref.valmontValue)));
        if ((attack.status < 300 && !ignored) || attack.status === 403) wrong.push(`${where} → ${attack.status} ${JSON.stringify(attack.body)}`);
        if (attack.status < 300 && JSON.stringify(attack.body).includes(ref.valmontValue)) wrong.push(`${where} : la réponse porte la valeur de Valmont`);
        if (visible(attack, [ref.valmontValue]) !== visible(unknown, [ref.unknownValue]))
          wrong.push(`${where} : ${visible(attack, [ref.valmontValue])} ≠ inconnu ${visible(unknown, [ref.unknownValue])}`);
        const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
        if (changed.length > 0) wrong.push(`${where} a modifié chez Valmont : ${changed.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
    // org units and services are named by most bodies: the check above ran on many of them
    expect(attacks).toBeGreaterThanOrEqual(15);
  }, 300_000);

  it('answers 404, as for an id that does not exist, to a Bellerive admin writing a valid body to a Valmont id; Valmont unchanged', async () => {
    const wrong: string[] = [];
    const idRoutes = writeRoutes()
      .filter((r) => r.path.includes('/:id'))
      // deletes last: they remove the rows the controls of the other routes use
      .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    for (const route of idRoutes) {
      const collection = collectionOf(route.path);
      const body = await validBody(route);
      const target = rows.get(collection)!.valmont[0].id;
      const before = await fingerprint();
      const attack = await send(route.method, urlFor(route, target), bellerive.auth, body);
      const after = await fingerprint();
      const missingId = randomUUID();
      const missing = await send(route.method, urlFor(route, missingId), bellerive.auth, body);
      const control = await send(route.method, urlFor(route, ownRow(collection).id), bellerive.auth, body);
      if (attack.status !== 404) wrong.push(`${route.key} → ${attack.status} ${JSON.stringify(attack.body)} (attendu 404)`);
      // an answer may echo the id it was given (« Service « SAAD » inconnu… »): each id is replaced before comparing
      if (visible(attack, [target]) !== visible(missing, [missingId]))
        wrong.push(`${route.key} : ${visible(attack, [target])} ≠ id inexistant ${visible(missing, [missingId])}`);
      const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
      if (changed.length > 0) wrong.push(`${route.key} a modifié chez Valmont : ${changed.join(', ')}`);
      // the control proves the body valid and the route reached: the tenant's own row accepts it (a delete may be refused as in
      // use; applying or discarding a submission that is not a pending preview is refused by its state, which only the owner learns)
      const stateful = route.method === 'DELETE' || /^POST \/api\/submissions\/:id\/(apply|discard)$/.test(route.key);
      const controlOk = control.status < 300 || (stateful && control.status === 409);
      if (!controlOk) wrong.push(`${route.key} contrôle sur sa propre ligne → ${control.status} ${JSON.stringify(control.body)} pour ${JSON.stringify(body)}`);
    }
    expect(wrong).toEqual([]);
    expect(idRoutes.length).toBeGreaterThanOrEqual(25);
  }, 300_000);

  it('leaves no row of one organisation pointing at a row of another (every foreign key between tenant tables)', async () => {
    const links = (await ds.query(
      `SELECT src.relname AS "from", a.attname AS "column", dst.relname AS "to", b.attname AS "refColumn"
         FROM pg_constraint c
         JOIN pg_class src ON src.oid = c.conrelid JOIN pg_class dst ON dst.oid = c.confrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         JOIN pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = c.confkey[1]
        WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 AND src.relname = ANY($1) AND dst.relname = ANY($1) AND a.attname <> 'organisation_id'`,
      [tenantTables],
    )) as { from: string; column: string; to: string; refColumn: string }[];
    const crossing: string[] = [];
    for (const l of links) {
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM "${l.from}" s JOIN "${l.to}" d ON d."${l.refColumn}" = s."${l.column}" WHERE d.organisation_id <> s.organisation_id`,
      );
      if (n > 0) crossing.push(`${l.from}.${l.column} → ${l.to}: ${n}`);
    }
    expect(crossing).toEqual([]);
    expect(links.length).toBeGreaterThanOrEqual(10);
  });
});
