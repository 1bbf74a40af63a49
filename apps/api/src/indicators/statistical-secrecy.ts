import { Decimal } from '@levier/indicators';
import type { AuthUser } from '../tenancy/auth-user';
import { hasRole } from '../tenancy/auth-user';
import type { Role } from '../tenancy/role-assignment.entity';

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

/** Whether the caller reads small numbers unmasked: any admin, finance or director role. */
export const seesSmallNumbers = (user: AuthUser): boolean => hasRole(user, ...UNMASKED_ROLES);

/** Whether a scope whose busiest period counted `peak` beneficiaries is a small number; an unknown count (null) is not. */
export const isSmallNumber = (peak: Decimal | null): boolean => peak !== null && peak.lessThan(SMALL_NUMBER_THRESHOLD);

/**
 * The masking decision for one caller and one scope: masked when the caller does not see small numbers and the scope's
 * peak of beneficiaries per period is under the threshold. `peak` is read only when the role leaves the question open.
 */
export const masksSmallNumbers = async (user: AuthUser, peak: () => Promise<Decimal | null>): Promise<boolean> =>
  !seesSmallNumbers(user) && isSmallNumber(await peak());
