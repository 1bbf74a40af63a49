import type { User } from '../tenancy/user.entity';
import type { Role } from '../tenancy/role-assignment.entity';

export interface UserResponse {
  id: string;
  email: string;
  displayName: string;
  role: Role | null;
  orgUnit: string | null;
  active: boolean;
  /** A login delay is running for the address (after 5 failures in a row): no lock, a wait of 1 to 60 s. */
  locked: boolean;
  createdAt: string;
}

export const toUserResponse = (user: User, assignment: { role: Role; orgUnit: string | null } | undefined, loginDelayed: boolean): UserResponse => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: assignment?.role ?? null,
  orgUnit: assignment?.orgUnit ?? null,
  active: user.active,
  locked: loginDelayed,
  createdAt: user.createdAt.toISOString(),
});
