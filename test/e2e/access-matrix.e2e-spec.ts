import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '../../apps/api/src/tenancy/role-assignment.entity';
import type { TestApi } from '../setup/test-app';
import { startDemoApi } from '../setup/demo-api';
import { createScopedUser } from '../factories/scoped-users.factory';
import { loginAs } from '../setup/demo-session';
import { RouteInfo, routeTable } from '../setup/route-table';

/**
 * Who may call what: the product's access policy, written down once. The matrix below checks every route of the
 * application (read from Nest's metadata) against it, for every role, and across tenants. A new route that is not
 * in this table fails the suite: no endpoint can escape it.
 *   public — no authentication; member — any role of the organisation; [roles] — only those roles; operator — instance
 *   operators only, whatever their role (platform_operator, granted by `levier operator:grant`; none of these accounts).
 */
const POLICY: Record<string, 'public' | 'member' | 'operator' | Role[]> = {
  'DELETE /api/budget-transfers/:id': ['admin', 'finance'],
  'DELETE /api/budget-years/:id': ['admin', 'finance'],
  'DELETE /api/custom-indicators/:id': ['admin', 'finance'],
  'DELETE /api/in-kind-loans/:id': ['admin', 'director'],
  'DELETE /api/initiatives/:id': ['admin', 'finance', 'director'],
  'DELETE /api/indicator-targets/:id': ['admin', 'director', 'finance'],
  'DELETE /api/outcome-assumptions/:id': ['admin'],
  'DELETE /api/price-indices/:id': ['admin'],
  'DELETE /api/redeployments/:id': ['admin', 'director'],
  'DELETE /api/report-subscriptions/:id': ['admin', 'director'],
  'DELETE /api/service-fundings/:id': ['admin', 'finance'],
  'DELETE /api/simulations/:id': ['admin', 'finance', 'director'],
  'DELETE /api/staff-needs/:id': ['admin', 'director'],
  'DELETE /api/unit-costs/:id': ['admin'],
  'GET /api/audit-log': ['admin'],
  'GET /api/auth/me': 'member',
  'GET /api/budget-transfers': 'member',
  'GET /api/budget-transfers/:id': 'member',
  'GET /api/budget-years': 'member',
  'GET /api/budget-years/:id': 'member',
  'GET /api/completeness': 'member',
  'GET /api/custom-indicators': 'member',
  'GET /api/documents/dossier-methodologique': 'member',
  'GET /api/documents/fongibilite': 'member',
  'GET /api/documents/note-conseil': ['admin', 'finance', 'director'],
  'GET /api/documents/prets-en-nature': 'member',
  'GET /api/custom-indicators/:id': 'member',
  'GET /api/figures': 'member',
  'GET /api/figures/:id': 'member',
  'GET /api/health': 'public',
  'GET /api/in-kind-loans': 'member',
  'GET /api/in-kind-loans/:id': 'member',
  'GET /api/initiatives': 'member',
  'GET /api/operations/me': 'member',
  'GET /api/initiatives/summary': 'member',
  'GET /api/initiatives/:id': 'member',
  'GET /api/indicator-targets': 'member',
  'GET /api/indicator-targets/:id': 'member',
  'GET /api/indicators/alerts': 'member',
  'GET /api/indicators/custom': 'member',
  'GET /api/indicators/explain': 'member',
  'GET /api/indicators/export': 'member',
  'GET /api/indicators/reallocation': 'member',
  'GET /api/indicators/scenario': 'member',
  'GET /api/indicators/series': 'member',
  'GET /api/indicators/summary': 'member',
  'GET /api/indicators/periods': 'member',
  'GET /api/methodology-versions': 'member',
  'GET /api/methodology-versions/:id': 'member',
  'GET /api/metrics': 'member',
  'GET /api/metrics/:id': 'member',
  'GET /api/org-units': 'member',
  'GET /api/org-units/:id': 'member',
  'GET /api/outcome-assumptions': 'member',
  'GET /api/outcome-assumptions/:id': 'member',
  'GET /api/periods': 'member',
  'GET /api/periods/:id/history': 'member',
  'GET /api/figures/:id/history': 'member',
  'GET /api/import-templates': ['admin', 'finance'],
  'GET /api/approval-settings': 'member',
  'GET /api/expected-metrics': 'member',
  'GET /api/expected-metrics/:id': 'member',
  'GET /api/submission-template': ['admin', 'finance'],
  'GET /api/submissions/:id/errors': 'member',
  'GET /api/price-indices': 'member',
  'GET /api/price-indices/:id': 'member',
  'GET /api/redeployments': 'member',
  'GET /api/redeployments/:id': 'member',
  'GET /api/report-deliveries': ['admin', 'director', 'finance'],
  'GET /api/report-subscriptions': ['admin', 'director', 'finance'],
  'GET /api/report-subscriptions/:id': ['admin', 'director', 'finance'],
  'GET /api/report-subscriptions/unsubscribe': 'public',
  'GET /api/service-fundings': 'member',
  'GET /api/service-fundings/:id': 'member',
  'GET /api/simulations': ['admin', 'finance', 'director'],
  'GET /api/simulations/:id': ['admin', 'finance', 'director'],
  'GET /api/services': 'member',
  'GET /api/services/:id': 'member',
  'GET /api/staff-needs': 'member',
  'GET /api/staff-needs/:id': 'member',
  'GET /api/submissions': 'member',
  'GET /api/submissions/:id': 'member',
  'GET /api/unit-costs': 'member',
  'GET /api/unit-costs/:id': 'member',
  'GET /api/users': ['admin'],
  'GET /api/users/:id': ['admin'],
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/password': 'member',
  'POST /api/auth/password-reset/confirm': 'public',
  'POST /api/auth/password-reset/request': 'public',
  'POST /api/auth/refresh': 'public',
  'POST /api/budget-transfers': ['admin', 'finance'],
  'POST /api/budget-years': ['admin', 'finance'],
  'POST /api/custom-indicators': ['admin', 'finance'],
  'POST /api/custom-indicators/preview': ['admin', 'finance'],
  'POST /api/in-kind-loans': ['admin', 'director'],
  'POST /api/initiatives': ['admin', 'finance', 'director'],
  'POST /api/indicator-targets': ['admin', 'director', 'finance'],
  'POST /api/methodology-versions': ['admin'],
  'POST /api/operations/queue-board-session': 'operator',
  'POST /api/outcome-assumptions': ['admin'],
  'POST /api/periods/:action': ['admin', 'finance'],
  'POST /api/price-indices': ['admin'],
  'POST /api/redeployments': ['admin', 'director'],
  'POST /api/report-subscriptions': ['admin', 'director'],
  'POST /api/report-subscriptions/:id/send': ['admin', 'director'],
  'GET /api/report-subscriptions/:id/preview': ['admin', 'director', 'finance'],
  'POST /api/report-subscriptions/unsubscribe': 'public',
  'POST /api/service-fundings': ['admin', 'finance'],
  'POST /api/simulations': ['admin', 'finance', 'director'],
  'POST /api/simulations/preview': ['admin', 'finance', 'director'],
  'POST /api/staff-needs': ['admin', 'director'],
  'POST /api/submissions': ['admin', 'finance'],
  'POST /api/submissions/:id/apply': ['admin', 'finance'],
  'POST /api/submissions/:id/discard': ['admin', 'finance'],
  'POST /api/submissions/inspect': ['admin', 'finance'],
  'POST /api/import-templates': ['admin', 'finance'],
  'DELETE /api/import-templates/:id': ['admin', 'finance'],
  'PUT /api/approval-settings': ['admin'],
  'PUT /api/expected-metrics/:id': ['admin'],
  'DELETE /api/expected-metrics/:id': ['admin'],
  'POST /api/unit-costs': ['admin'],
  'POST /api/users': ['admin'],
  'PUT /api/budget-transfers/:id': ['admin', 'finance'],
  'PUT /api/budget-years/:id': ['admin', 'finance'],
  'PUT /api/custom-indicators/:id': ['admin', 'finance'],
  'PUT /api/figures/:id': ['admin', 'finance'],
  'PUT /api/in-kind-loans/:id': ['admin', 'director'],
  'PUT /api/initiatives/:id': ['admin', 'finance', 'director'],
  'PUT /api/indicator-targets/:id': ['admin', 'director', 'finance'],
  'PUT /api/outcome-assumptions/:id': ['admin'],
  'PUT /api/price-indices/:id': ['admin'],
  'PUT /api/redeployments/:id': ['admin', 'director'],
  'PUT /api/report-subscriptions/:id': ['admin', 'director'],
  'PUT /api/service-fundings/:id': ['admin', 'finance'],
  'PUT /api/staff-needs/:id': ['admin', 'director'],
  'PUT /api/unit-costs/:id': ['admin'],
  'PUT /api/users/:id': ['admin'],
};

const ROLE_ACCOUNTS: Record<Role, string> = {
  admin: 'admin@valmont.demo',
  finance: 'finance@valmont.demo',
  director: 'directeur@valmont.demo',
  viewer: 'lecteur@valmont.demo',
};
const ROLES = Object.keys(ROLE_ACCOUNTS) as Role[];
const BELLERIVE_ADMIN = 'admin@bellerive.test';

const allowed = (route: RouteInfo, role: Role): boolean => {
  const policy = POLICY[route.key];
  return policy === 'public' || policy === 'member' || (Array.isArray(policy) && policy.includes(role));
};

describe('access matrix: every route × role × tenant', () => {
  let sut: TestApi;
  let routes: RouteInfo[];
  const tokens = {} as Record<Role | 'bellerive', { Authorization: string }>;
  /** A real Valmont id per collection path (`/api/figures` → an id), when Valmont has one. */
  const valmontIds = new Map<string, string>();
  const http = () => request(sut.app.getHttpServer());

  const concrete = (route: RouteInfo): string => {
    const collection = route.path.replace(/\/:id.*$/, '');
    return route.path.replace(':id', valmontIds.get(collection) ?? randomUUID()).replace(':action', 'submit');
  };
  const call = (route: RouteInfo, headers: Record<string, string>) => {
    const url = concrete(route);
    const query = url.includes('/indicators/') ? { orgUnit: 'VALMONT' } : {};
    switch (route.method) {
      case 'GET':
        return http().get(url).query(query).set(headers);
      case 'POST':
        return http().post(url).set(headers).send({});
      case 'PUT':
        return http().put(url).set(headers).send({});
      case 'PATCH':
        return http().patch(url).set(headers).send({});
      case 'DELETE':
        return http().delete(url).set(headers);
      default:
        throw new Error(`méthode ${route.method}`);
    }
  };

  beforeAll(async () => {
    ({ api: sut } = await startDemoApi());
    await createScopedUser(await sut.db.dataSource(), 'CCAS de Bellerive', BELLERIVE_ADMIN, [['admin', null]], 'Admin Bellerive');
    for (const role of ROLES) tokens[role] = await loginAs(sut.app, ROLE_ACCOUNTS[role]);
    tokens.bellerive = await loginAs(sut.app, BELLERIVE_ADMIN);
    routes = routeTable(sut.app);
    for (const route of routes.filter((r) => r.method === 'GET' && !r.path.includes(':') && !r.isPublic)) {
      const res = await http().get(route.path).set(tokens.admin);
      const first = Array.isArray(res.body) ? (res.body[0] as { id?: unknown } | undefined) : undefined;
      if (typeof first?.id === 'string' || typeof first?.id === 'number') valmontIds.set(route.path, String(first.id));
    }
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('has a policy for every route, and every route of the policy exists', () => {
    const keys = routes.map((r) => r.key);
    expect(keys.filter((k) => !(k in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('declares in code exactly the policy (public routes, role lists)', () => {
    for (const route of routes) {
      const policy = POLICY[route.key];
      expect({ route: route.key, isPublic: route.isPublic }).toEqual({ route: route.key, isPublic: policy === 'public' });
      expect({ route: route.key, operatorOnly: route.operatorOnly }).toEqual({ route: route.key, operatorOnly: policy === 'operator' });
      if (Array.isArray(policy)) expect({ route: route.key, roles: [...(route.roles ?? [])].sort() }).toEqual({ route: route.key, roles: [...policy].sort() });
      if (policy === 'member' || policy === 'operator') expect({ route: route.key, roles: route.roles }).toEqual({ route: route.key, roles: null });
    }
  });

  it('refuses every non-public route without a token (401)', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => POLICY[r.key] !== 'public')) {
      const res = await call(route, {});
      if (res.status !== 401) wrong.push(`${route.key} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(['admin', 'finance', 'director', 'viewer'] as Role[])('lets %s call exactly the routes the policy gives it (others: 403)', async (role) => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => POLICY[r.key] !== 'public' && !r.key.startsWith('POST /api/auth/'))) {
      const res = await call(route, tokens[role]);
      const expected = allowed(route, role);
      if (expected && (res.status === 401 || res.status === 403 || res.status >= 500)) wrong.push(`${route.key} → ${res.status} (attendu : autorisé)`);
      if (!expected && res.status !== 403) wrong.push(`${route.key} → ${res.status} (attendu : 403)`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 404 to another tenant for every route that names a Valmont object', async () => {
    // reads and deletes must say 404; a write with an empty body may stop at validation (400) first, which reveals nothing
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.path.includes(':id') && !r.isPublic)) {
      const res = await call(route, tokens.bellerive);
      const acceptable = route.method === 'GET' || route.method === 'DELETE' ? [404] : [400, 404];
      if (!acceptable.includes(res.status)) wrong.push(`${route.key} (${concrete(route)}) → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(valmontIds.size).toBeGreaterThan(5);
  });

  it('never shows Valmont data in another tenant’s lists and indicators', async () => {
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET' && !r.path.includes(':') && POLICY[r.key] !== 'public')) {
      const res = await http().get(route.path).set(tokens.bellerive);
      const text = JSON.stringify(res.body);
      if (/VALMONT|valmont\.demo/.test(text)) leaks.push(`${route.key} → ${res.status}`);
      if (res.status >= 500) leaks.push(`${route.key} → ${res.status}`);
    }
    expect(leaks).toEqual([]);
    for (const path of ['/api/indicators/summary', '/api/indicators/series', '/api/indicators/explain', '/api/indicators/scenario']) {
      await http().get(path).query({ orgUnit: 'VALMONT' }).set(tokens.bellerive).expect(404);
    }
  });
});
