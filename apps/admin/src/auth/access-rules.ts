/**
 * What each role may do in the admin UI: the API's route policy (test/e2e/access-matrix.e2e-spec.ts `POLICY`),
 * written per resource. The API enforces the real rules (tenant, org-unit subtree); this only hides what a user
 * cannot use. A user holds the union of the rights of their roles. `access-rules.spec.ts` checks it against POLICY.
 */
import type { RoleAssignment, RoleName } from './auth.types';

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

const ALL: readonly RoleName[] = ['admin', 'finance', 'director', 'viewer'];
const MANAGERS: readonly RoleName[] = ['admin', 'director', 'finance'];

interface Rule {
  /** Who may list, show and export. */
  read: readonly RoleName[];
  /** Who may do each write action. */
  write?: Partial<Record<Exclude<Action, 'list' | 'show' | 'export'>, readonly RoleName[]>>;
}

const crud = (roles: readonly RoleName[]) => ({ create: roles, edit: roles, delete: roles, clone: roles });

export const RULES: Record<ResourceName, Rule> = {
  figures: { read: ALL, write: { edit: ['admin', 'finance'] } },
  submissions: { read: ALL, write: { create: ['admin', 'finance'] } },
  // edit = the period actions (submit, approve, reopen).
  periods: { read: ALL, write: { edit: ['admin', 'finance'] } },
  'org-units': { read: ALL },
  services: { read: ALL },
  metrics: { read: ALL },
  // edit = configure a service's expected metrics, delete = back to the default ones.
  'expected-metrics': { read: ALL, write: { edit: ['admin'], delete: ['admin'] } },
  'unit-costs': { read: ALL, write: crud(['admin']) },
  'price-indices': { read: ALL, write: crud(['admin']) },
  'outcome-assumptions': { read: ALL, write: crud(['admin']) },
  // Publishing only: a published version is never edited nor deleted.
  'methodology-versions': { read: ALL, write: { create: ['admin'], clone: ['admin'] } },
  'custom-indicators': { read: ALL, write: crud(['admin', 'finance']) },
  'indicator-targets': { read: ALL, write: crud(MANAGERS) },
  'staff-needs': { read: ALL, write: crud(['admin', 'director']) },
  redeployments: { read: ALL, write: crud(['admin', 'director']) },
  'budget-transfers': { read: ALL, write: crud(['admin', 'finance']) },
  'budget-years': { read: ALL, write: crud(['admin', 'finance']) },
  'service-fundings': { read: ALL, write: crud(['admin', 'finance']) },
  'in-kind-loans': { read: ALL, write: crud(['admin', 'director']) },
  initiatives: { read: ALL, write: crud(['admin', 'finance', 'director']) },
  'report-subscriptions': { read: MANAGERS, write: { ...crud(['admin', 'director']), send: ['admin', 'director'] } },
  'report-deliveries': { read: MANAGERS },
  users: { read: ['admin'], write: { create: ['admin'], edit: ['admin'] } },
  'audit-log': { read: ['admin'] },
};

const READ_ACTIONS: readonly Action[] = ['list', 'show', 'export'];

export const canAccess = (roles: readonly RoleAssignment[], resource: string, action: string): boolean => {
  const rule = (RULES as Record<string, Rule | undefined>)[resource];
  if (!rule) return false;
  const allowed = READ_ACTIONS.includes(action as Action) ? rule.read : rule.write?.[action as keyof NonNullable<Rule['write']>];
  return roles.some(({ role }) => (allowed ?? []).includes(role));
};
