import type { AuthUser } from '../tenancy/auth-user';
import { isOrganisationWide, visibleUnitIds } from '../tenancy/unit-scope';
import { TreeNode, withAncestors } from './org-tree';

/**
 * What a user may learn of the org-unit tree (docs/product-rules.md#access-and-security). An organisation-wide role: every unit, in scope (`null`).
 * Otherwise the subtrees of their roles (`inScope`) and the ancestors of those up to the root (`listed` too), which
 * draw the tree and the breadcrumbs but are not theirs. Sibling subtrees stay unknown.
 */
interface UnitVisibility {
  listed: ReadonlySet<string>;
  inScope: ReadonlySet<string>;
}

const unitVisibility = (user: AuthUser, units: readonly TreeNode[]): UnitVisibility | null => {
  if (isOrganisationWide(user)) return null;
  const inScope = visibleUnitIds(user, units);
  return { listed: withAncestors(units, inScope), inScope };
};

export type Scoped<T> = T & { inScope: boolean };

/** The units the user may list, each flagged `inScope`. */
export const scopeUnits = <T extends TreeNode>(user: AuthUser, units: readonly T[]): Scoped<T>[] => {
  const visibility = unitVisibility(user, units);
  if (!visibility) return units.map((u) => ({ ...u, inScope: true }));
  return units.filter((u) => visibility.listed.has(u.id)).map((u) => ({ ...u, inScope: visibility.inScope.has(u.id) }));
};
