import { Decimal } from '@levier/indicators';
import type { AuthUser } from '../../tenancy/auth-user';
import type { Role } from '../../tenancy/role-assignment.entity';
import { childrenIndex, subtree, TreeNode } from '../../catalogue/org-tree';
import { unitIdsWithRole } from '../../tenancy/unit-scope';

/** Fewer beneficiaries than this and a viewer sees the figure masked (statistical secrecy, docs/product-rules.md#dashboard, docs/product-rules.md#report-emails). */
export const SMALL_NUMBER_THRESHOLD = 5;

/** Roles that enter, approve or steer the figures read small numbers as they are; a `viewer` does not (docs/product-rules.md#users-and-roles, docs/product-rules.md#dashboard). */
export const UNMASKED_ROLES: readonly Role[] = ['admin', 'finance', 'director'];

/** The scope whose beneficiaries decide: an org unit with its leaves and inclusive calendar bounds `YYYY-MM-DD`, all services. */
export interface SecrecyScope {
  organisationId: string;
  orgUnitId: string;
  leafIds: readonly string[];
  start: string;
  end: string;
}

/**
 * Whether the caller reads the small numbers of a scope unmasked: an admin, finance or director role over the whole
 * organisation, or over a subtree that holds the scope's unit. A viewer of the organisation who directs one antenna
 * reads that antenna's small numbers, not another's. `units` (the organisation's tree) is only loaded when a role held
 * on a subtree leaves the question open.
 */
export const seesSmallNumbers = async (user: Pick<AuthUser, 'roles'>, orgUnitId: string, units: () => Promise<readonly TreeNode[]>): Promise<boolean> => {
  const held = user.roles.filter((r) => UNMASKED_ROLES.includes(r.role));
  if (held.some((r) => r.orgUnitId === null)) return true;
  if (held.length === 0) return false;
  return unitIdsWithRole(user, await units(), UNMASKED_ROLES).has(orgUnitId);
};

/** Whether a scope whose busiest period counted `peak` beneficiaries is a small number; an unknown count (null) is not. */
export const isSmallNumber = (peak: Decimal | null): boolean => peak !== null && peak.lessThan(SMALL_NUMBER_THRESHOLD);

/** What the read model holds for each unit over a scope's dates: units with any row, and units with a small row. */
export interface UnitActivity {
  /** Units with at least one row (any service, any basis) within the dates. */
  active: ReadonlySet<string>;
  /** Units with a row (one service or all, one period) counting more than 0 and fewer than 5 beneficiaries. */
  small: ReadonlySet<string>;
}

/**
 * Complementary suppression (statistical secrecy against differencing): the units a reader must not read over some
 * dates, given the units they read by right (`seen`, closed downwards) and what the read model holds over those dates.
 *
 * 1. Primary: a unit not seen with a small row (one service, one period) inside the dates. Any small row counts, not
 *    the busiest period nor the services asked for, so a unit masked for one month or one service is masked for every
 *    range holding that month and for every choice of services: no subtraction of two ranges (year − other months) or
 *    of two service choices (all − the others) isolates it.
 * 2. Secondary: when a unit is masked, every unit under its parent that the reader does not see is masked too (its
 *    siblings and their subtrees, and its own subtree), so the parent minus the readable siblings gives only the sum of
 *    at least two masked siblings, and no masked sibling is the sum of readable children.
 * 3. When fewer than two masked siblings hold data over the dates (the masked one is alone, or beside seen ones or
 *    empty ones), the parent is masked as well and protected the same way, up to the root if need be.
 *
 * The result depends only on the tree, the reader's rights and which units hold (small) rows inside the dates, and
 * grows with the dates: a unit masked over a month is masked over every range holding that month.
 */
export const complementaryMask = ({
  units,
  seen,
  activity,
}: {
  units: readonly TreeNode[];
  seen: ReadonlySet<string>;
  activity: UnitActivity;
}): Set<string> => {
  const masked = new Set<string>();
  const children = childrenIndex(units);
  const byId = new Map(units.map((u) => [u.id, u]));
  const hideSubtree = (id: string): void => {
    for (const node of subtree(units, id)) if (!seen.has(node.id)) masked.add(node.id);
  };
  const protect = (id: string, climbed: Set<string>): void => {
    if (seen.has(id) || climbed.has(id)) return;
    climbed.add(id);
    hideSubtree(id);
    const parentId = byId.get(id)?.parentId ?? null;
    if (parentId === null) return;
    const siblings = children.get(parentId) ?? [];
    for (const sibling of siblings) hideSubtree(sibling.id);
    const maskedWithData = siblings.filter((s) => !seen.has(s.id) && activity.active.has(s.id));
    if (maskedWithData.length < 2) protect(parentId, climbed);
  };
  for (const id of activity.small) protect(id, new Set());
  return masked;
};
