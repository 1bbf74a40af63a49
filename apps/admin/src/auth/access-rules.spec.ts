import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RESOURCES, canAccess } from './access-rules';
import { ROLES, type RoleAssignment, type RoleName } from './auth.types';

const as = (...roles: RoleName[]): RoleAssignment[] => roles.map((role) => ({ role, orgUnit: null }));

/** The API's route policy, read from the access-matrix e2e test (the source of truth). */
const policy = (): Record<string, 'public' | 'member' | RoleName[]> => {
  const source = readFileSync(path.resolve(__dirname, '../../../../test/e2e/access-matrix.e2e-spec.ts'), 'utf8');
  const body = source.slice(source.indexOf('const POLICY'), source.indexOf('};', source.indexOf('const POLICY')));
  const entries: Record<string, 'public' | 'member' | RoleName[]> = {};
  for (const m of body.matchAll(/'([A-Z]+ [^']+)': (?:'(public|member)'|\[([^\]]*)\])/g)) {
    entries[m[1]] = m[2] ? (m[2] as 'public' | 'member') : (m[3].match(/'(\w+)'/g) ?? []).map((r) => r.slice(1, -1) as RoleName);
  }
  return entries;
};

/** A route → the admin's (resource, action), or null when the admin has no resource for it. */
const uiAction = (route: string): [string, string] | null => {
  const [method, url] = route.split(' ');
  const parts = url.replace(/^\/api\//, '').split('/');
  const resource = parts[0];
  if (!(RESOURCES as readonly string[]).includes(resource)) return null;
  if (resource === 'periods' && method === 'POST') return [resource, 'edit'];
  if (parts[2] === 'send') return [resource, 'send'];
  if (parts.length > 1 && parts[1] !== ':id') return null; // preview, unsubscribe: not a resource action
  if (method === 'GET') return [resource, parts.length === 1 ? 'list' : 'show'];
  if (method === 'POST') return [resource, 'create'];
  if (method === 'PUT') return [resource, 'edit'];
  if (method === 'DELETE') return [resource, 'delete'];
  return null;
};

describe('access rules against the API route policy', () => {
  const routes = policy();

  it('reads the policy', () => {
    expect(Object.keys(routes).length).toBeGreaterThan(50);
  });

  it('allows exactly what the API allows, for every role and every resource route', () => {
    const wrong: string[] = [];
    for (const [route, rule] of Object.entries(routes)) {
      const ui = uiAction(route);
      if (!ui) continue;
      for (const role of ROLES) {
        const api = rule === 'public' || rule === 'member' || rule.includes(role);
        if (canAccess(as(role), ui[0], ui[1]) !== api) wrong.push(`${role} ${ui.join(':')} (${route}) → API ${api}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('offers no write action the API does not have', () => {
    const actions = new Set(
      Object.keys(routes)
        .map(uiAction)
        .filter(Boolean)
        .map((a) => (a as string[]).join(':')),
    );
    const extra: string[] = [];
    for (const resource of RESOURCES) {
      for (const action of ['create', 'edit', 'delete', 'send']) {
        if (ROLES.some((role) => canAccess(as(role), resource, action)) && !actions.has(`${resource}:${action}`)) extra.push(`${resource}:${action}`);
      }
    }
    expect(extra).toEqual([]);
  });
});

describe(canAccess.name, () => {
  it('never lets anyone edit the audit log, and keeps it to admins', () => {
    expect(canAccess(as('admin', 'finance'), 'audit-log', 'edit')).toBe(false);
    expect(canAccess(as('admin'), 'audit-log', 'list')).toBe(true);
    expect(canAccess(as('finance'), 'audit-log', 'list')).toBe(false);
  });

  it('exports whatever can be listed', () => {
    expect(canAccess(as('viewer'), 'unit-costs', 'export')).toBe(true);
    expect(canAccess(as('viewer'), 'report-deliveries', 'export')).toBe(false);
  });

  it('gives the union of several roles', () => {
    expect(canAccess(as('viewer', 'finance'), 'figures', 'edit')).toBe(true);
    expect(canAccess(as('viewer'), 'figures', 'edit')).toBe(false);
  });

  it('denies unknown resources and users without roles', () => {
    expect(canAccess(as('admin'), 'users-of-other-tenants', 'list')).toBe(false);
    expect(canAccess([], 'services', 'list')).toBe(false);
  });
});
