import type { User } from '../tenancy/user.entity';
import type { Role } from '../tenancy/role-assignment.entity';

export interface UserResponse {
  id: string;
  email: string;
  displayName: string;
  role: Role | null;
  orgUnit: string | null;
  active: boolean;
  locked: boolean;
  createdAt: string;
}

export const toUserResponse = (user: User, assignment: { role: Role; orgUnit: string | null } | undefined, now: Date): UserResponse => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: assignment?.role ?? null,
  orgUnit: assignment?.orgUnit ?? null,
  active: user.active,
  locked: user.lockedUntil !== null && user.lockedUntil > now,
  createdAt: user.createdAt.toISOString(),
});
