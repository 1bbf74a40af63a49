import { ROUTE_POLICY } from '@levier/contracts';
import { RESOURCES, canAccess, routeOf } from './can-access';
import { ROLES, type RoleAssignment, type RoleName } from './auth.types';

const as = (...roles: RoleName[]): RoleAssignment[] => roles.map((role) => ({ role, orgUnit: null }));

describe(canAccess.name, () => {
  it('reads every resource of the admin from a route of the API policy', () => {
    const missing = RESOURCES.filter((resource) => ROUTE_POLICY[routeOf(resource, 'list')!] === undefined);
    expect(missing).toEqual([]);
  });

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

  it('offers the period actions (submit, approve, reopen) as editing a period, to admin and finance', () => {
    expect(ROLES.filter((role) => canAccess(as(role), 'periods', 'edit'))).toEqual(['admin', 'finance']);
  });

  it('offers no write the API does not have: reference data and deliveries are read-only, a published method is never edited', () => {
    for (const resource of ['org-units', 'services', 'metrics', 'report-deliveries'] as const) {
      expect(ROLES.filter((role) => ['create', 'edit', 'delete'].some((action) => canAccess(as(role), resource, action)))).toEqual([]);
    }
    expect(canAccess(as('admin'), 'methodology-versions', 'edit')).toBe(false);
    expect(canAccess(as('admin'), 'methodology-versions', 'create')).toBe(true);
    expect(canAccess(as('admin'), 'users', 'delete')).toBe(false);
  });

  it('lets the roles the API names send a report subscription now', () => {
    expect(ROLES.filter((role) => canAccess(as(role), 'report-subscriptions', 'send'))).toEqual(['admin', 'director']);
  });
});
