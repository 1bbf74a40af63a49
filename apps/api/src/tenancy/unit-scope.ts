import type { AuthUser } from './auth-user';
import type { Role } from './role-assignment.entity';
import { subtree, TreeNode } from '../catalogue/org-tree';

/** The org units a user may see: the whole organisation for an organisation-wide role, else the subtrees of their roles. */
export const visibleUnitIds = (user: AuthUser, units: readonly TreeNode[]): Set<string> => {
  if (user.roles.some((r) => r.orgUnitId === null)) return new Set(units.map((u) => u.id));
  return new Set(user.roles.flatMap((r) => subtree(units, r.orgUnitId!).map((u) => u.id)));
};

/** Whether one of the user's roles (any role) covers the whole organisation. */
export const isOrganisationWide = (user: AuthUser): boolean => user.roles.some((r) => r.orgUnitId === null);

/**
 * The org units where the user holds one of `roles` (e.g. where they may write figures): every unit for an
 * organisation-wide assignment of such a role, else the union of the subtrees of those assignments.
 */
export const unitIdsWithRole = (user: Pick<AuthUser, 'roles'>, units: readonly TreeNode[], roles: readonly Role[]): Set<string> => {
  const held = user.roles.filter((r) => roles.includes(r.role));
  if (held.some((r) => r.orgUnitId === null)) return new Set(units.map((u) => u.id));
  return new Set(held.flatMap((r) => subtree(units, r.orgUnitId!).map((u) => u.id)));
};
