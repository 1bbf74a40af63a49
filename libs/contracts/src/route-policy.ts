import routePolicy from './generated/route-policy.json';

/** The roles of an organisation (the API's `Role`). */
export const ROLE_NAMES = ['admin', 'finance', 'director', 'viewer'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/**
 * Who may call a route: no authentication, any member of the organisation, only these roles, or only the instance's
 * operators (« opérateur de la plateforme »: granted by `levier operator:grant`, not a role of the organisation).
 */
export type RouteAccess = 'public' | 'member' | 'operator' | readonly RoleName[];

const isRole = (value: unknown): value is RoleName => (ROLE_NAMES as readonly unknown[]).includes(value);
const isAccess = (value: unknown): value is RouteAccess =>
  value === 'public' || value === 'member' || value === 'operator' || (Array.isArray(value) && value.every(isRole));

const checked = (entries: Record<string, unknown>): Readonly<Record<string, RouteAccess>> =>
  Object.fromEntries(
    Object.entries(entries).map(([route, access]) => {
      if (!isAccess(access)) throw new Error(`route-policy.json: ${route} has an unknown access ${JSON.stringify(access)}`);
      return [route, access];
    }),
  );

/**
 * The API's role policy as data, generated from the controllers' `@Public()` / `@Roles()` metadata (apps/api/src/contracts):
 * `GET /api/figures/:id` → who may call it. The API enforces it; the admin reads it to hide what a user cannot use.
 */
export const ROUTE_POLICY: Readonly<Record<string, RouteAccess>> = checked(routePolicy);

/**
 * Whether a role may call a route (public and member routes: every role). Unknown routes: nobody. Operator routes: no
 * role grants them (being an instance operator is asked of the API: `GET /api/operations/me`).
 */
export const roleMayCall = (route: string, role: RoleName): boolean => {
  const access = ROUTE_POLICY[route];
  if (access === undefined || access === 'operator') return false;
  return access === 'public' || access === 'member' || access.includes(role);
};
