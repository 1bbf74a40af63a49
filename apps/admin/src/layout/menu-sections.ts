/** The sidebar's sections and, for a user's roles, which of them to show. */
import { canAccess, type ResourceName } from '../auth/can-access';
import type { RoleAssignment } from '../auth/auth.types';

export interface MenuSection {
  /** i18n key of the section heading. */
  label: string;
  resources: ResourceName[];
}

export const MENU_SECTIONS: MenuSection[] = [
  { label: 'levier.menu.data', resources: ['figures', 'submissions', 'periods'] },
  {
    label: 'levier.menu.methodology',
    resources: ['unit-costs', 'outcome-assumptions', 'service-fundings', 'price-indices', 'methodology-versions', 'custom-indicators', 'indicator-targets'],
  },
  { label: 'levier.menu.reallocation', resources: ['staff-needs', 'redeployments', 'budget-transfers', 'budget-years', 'in-kind-loans', 'initiatives'] },
  { label: 'levier.menu.reports', resources: ['report-subscriptions', 'report-deliveries'] },
  { label: 'levier.menu.reference', resources: ['org-units', 'services', 'metrics', 'expected-metrics'] },
  { label: 'levier.menu.administration', resources: ['users', 'audit-log'] },
];

/** Sections with only the resources the roles may list; empty sections are dropped. */
export const visibleSections = (roles: readonly RoleAssignment[], sections: readonly MenuSection[] = MENU_SECTIONS): MenuSection[] =>
  sections.map((s) => ({ ...s, resources: s.resources.filter((r) => canAccess(roles, r, 'list')) })).filter((s) => s.resources.length > 0);
