/** Shapes of the `/api/auth/*` responses (docs/product-rules.md#access-and-security, docs/product-rules.md#interfaces). */
export const ROLES = ['admin', 'finance', 'director', 'viewer'] as const;
export type RoleName = (typeof ROLES)[number];

export interface RoleAssignment {
  role: RoleName;
  /** Code of the org-unit subtree the role applies to; null = the whole organisation. */
  orgUnit: string | null;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  organisation: { id: string; name: string };
  roles: RoleAssignment[];
}

export interface AuthResponse {
  accessToken: string;
  /** Lifetime of the access token, in seconds. */
  expiresIn: number;
  user: SessionUser;
}
