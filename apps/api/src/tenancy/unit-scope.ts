import type { AuthUser } from './auth-user';
import { subtree, TreeNode } from '../catalogue/org-tree';

/** The org units a user may see: the whole organisation for an organisation-wide role, else the subtrees of their roles. */
export const visibleUnitIds = (user: AuthUser, units: readonly TreeNode[]): Set<string> => {
  if (user.roles.some((r) => r.orgUnitId === null)) return new Set(units.map((u) => u.id));
  return new Set(user.roles.flatMap((r) => subtree(units, r.orgUnitId!).map((u) => u.id)));
};
