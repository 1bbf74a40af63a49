import { canAccess } from './access-rules';
import type { RoleAssignment, RoleName } from './auth.types';

const as = (...roles: RoleName[]): RoleAssignment[] => roles.map((role) => ({ role, orgUnit: null }));

describe(canAccess.name, () => {
  it('lets the admin manage reference data', () => {
    expect(canAccess(as('admin'), 'unit-costs', 'edit')).toBe(true);
    expect(canAccess(as('admin'), 'services', 'create')).toBe(true);
  });

  it('never lets anyone edit the audit log', () => {
    expect(canAccess(as('admin', 'finance'), 'audit-log', 'edit')).toBe(false);
    expect(canAccess(as('admin'), 'audit-log', 'list')).toBe(true);
  });

  it('lets finance edit figures but only read reference data', () => {
    expect(canAccess(as('finance'), 'figures', 'edit')).toBe(true);
    expect(canAccess(as('finance'), 'services', 'edit')).toBe(false);
    expect(canAccess(as('finance'), 'services', 'list')).toBe(true);
  });

  it('hides figures, submissions and the audit log from viewers', () => {
    const viewer = as('viewer');
    expect(['figures', 'submissions', 'audit-log', 'metrics'].map((r) => canAccess(viewer, r, 'list'))).toEqual([false, false, false, false]);
    expect(canAccess(viewer, 'unit-costs', 'show')).toBe(true);
  });

  it('gives the union of several roles', () => {
    expect(canAccess(as('viewer', 'finance'), 'figures', 'edit')).toBe(true);
  });

  it('denies unknown resources and users without roles', () => {
    expect(canAccess(as('admin'), 'users-of-other-tenants', 'list')).toBe(false);
    expect(canAccess([], 'services', 'list')).toBe(false);
  });
});
