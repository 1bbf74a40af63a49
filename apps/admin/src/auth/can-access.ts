/**
 * What each role may do in the admin UI, read from the API's role policy (`ROUTE_POLICY` of @levier/contracts, generated
 * from the controllers' `@Roles()`): an admin action is allowed when one of the user's roles may call the API route
 * behind it. The API enforces the real rules (tenant, org-unit subtree); this only hides what a user cannot use.
 */
import { roleMayCall } from '@levier/contracts';
import type { RoleAssignment } from './auth.types';

export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export' | 'clone' | 'send';

export const RESOURCES = [
  'figures',
  'submissions',
  'periods',
  'org-units',
  'services',
  'metrics',
  'expected-metrics',
  'unit-costs',
  'price-indices',
  'outcome-assumptions',
  'methodology-versions',
  'custom-indicators',
  'indicator-targets',
  'staff-needs',
  'redeployments',
  'budget-transfers',
  'budget-years',
  'service-fundings',
  'in-kind-loans',
  'initiatives',
  'report-subscriptions',
  'report-deliveries',
  'users',
  'audit-log',
] as const;
export type ResourceName = (typeof RESOURCES)[number];

const isResource = (resource: string): resource is ResourceName => (RESOURCES as readonly string[]).includes(resource);

/**
 * The API route an admin action calls. Reading (list, show, export) is what the list allows; editing a period is one of
 * its actions (submit, approve, reopen); cloning creates.
 */
export const routeOf = (resource: ResourceName, action: string): string | null => {
  switch (action) {
    case 'list':
    case 'show':
    case 'export':
      return `GET /api/${resource}`;
    case 'create':
    case 'clone':
      return `POST /api/${resource}`;
    case 'edit':
      return resource === 'periods' ? 'POST /api/periods/:action' : `PUT /api/${resource}/:id`;
    case 'delete':
      return `DELETE /api/${resource}/:id`;
    case 'send':
      return `POST /api/${resource}/:id/send`;
    default:
      return null;
  }
};

/** A user holds the union of the rights of their roles. Unknown resources and actions: denied. */
export const canAccess = (roles: readonly RoleAssignment[], resource: string, action: string): boolean => {
  if (!isResource(resource)) return false;
  const route = routeOf(resource, action);
  return route !== null && roles.some(({ role }) => roleMayCall(route, role));
};
