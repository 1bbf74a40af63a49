/**
 * What each role may do in the admin UI. The API enforces the real rules (tenant, org-unit subtree);
 * this only hides what a user cannot use. A user holds the union of the rights of their roles.
 */
import type { RoleAssignment, RoleName } from './auth.types';

export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export' | 'clone';
const READ: readonly Action[] = ['list', 'show', 'export'];
const WRITE: readonly Action[] = [...READ, 'create', 'edit', 'delete', 'clone'];

export const RESOURCES = ['figures', 'submissions', 'org-units', 'services', 'metrics', 'unit-costs', 'audit-log'] as const;
export type ResourceName = (typeof RESOURCES)[number];

type Matrix = Record<RoleName, Partial<Record<ResourceName, readonly Action[]>>>;

export const ACCESS: Matrix = {
  // Methodology owner: reference data, users, everything.
  admin: Object.fromEntries(RESOURCES.map((r) => [r, r === 'audit-log' || r === 'submissions' ? READ : WRITE])),
  // Finance director: enters, imports and fixes figures; reads reference data (the API keeps the audit log to admins).
  finance: {
    figures: WRITE,
    submissions: [...READ, 'create'],
    'org-units': READ,
    services: READ,
    metrics: READ,
    'unit-costs': READ,
  },
  // Service director: reads the figures and the reference data behind the dashboard.
  director: { figures: READ, 'org-units': READ, services: READ, metrics: READ, 'unit-costs': READ },
  // Elected official / board member: the dashboard, plus where the numbers come from.
  viewer: { 'org-units': READ, services: READ, 'unit-costs': READ },
};

export const canAccess = (roles: readonly RoleAssignment[], resource: string, action: string): boolean =>
  roles.some(({ role }) => (ACCESS[role]?.[resource as ResourceName] ?? []).includes(action as Action));
