import { Decimal } from '@levier/indicators';
import type { AuthUser } from '../tenancy/auth-user';
import type { Role } from '../tenancy/role-assignment.entity';
import type { TreeNode } from '../catalogue/org-tree';
import { unitIdsWithRole } from '../tenancy/unit-scope';

/** Fewer beneficiaries than this and a viewer sees the figure masked (statistical secrecy, SPEC §8, §9). */
export const SMALL_NUMBER_THRESHOLD = 5;

/** Roles that enter, approve or steer the figures read small numbers as they are; a `viewer` does not (SPEC §1, §8). */
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

/**
 * The masking decision for one caller and one scope unit: masked when the caller does not see that unit's small
 * numbers and the scope's peak of beneficiaries per period is under the threshold. `peak` is read only when the roles
 * leave the question open.
 */
export const masksSmallNumbers = async (
  user: Pick<AuthUser, 'roles'>,
  orgUnitId: string,
  units: () => Promise<readonly TreeNode[]>,
  peak: () => Promise<Decimal | null>,
): Promise<boolean> => !(await seesSmallNumbers(user, orgUnitId, units)) && isSmallNumber(await peak());
