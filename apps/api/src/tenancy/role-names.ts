import type { Role } from './role-assignment.entity';

/** Each role as a French reader names its holders (« réservé aux directions financières »), never the engine's code. */
export const ROLE_HOLDERS: Record<Role, string> = {
  finance: 'directions financières',
  director: 'directions de CCAS et de services',
  admin: 'administrateurs de la méthodologie',
  viewer: 'lecteurs',
};

/** Each role as a French reader names it on a list of accounts (the demo's console), never the engine's code. */
export const ROLE_NAMES: Record<Role, string> = {
  finance: 'direction financière',
  director: 'direction',
  admin: 'administration',
  viewer: 'lecture seule',
};

const ORDER: readonly Role[] = ['finance', 'director', 'admin', 'viewer'];

/** « aux directions financières et aux administrateurs de la méthodologie » for ['admin', 'finance']. */
export const reservedTo = (roles: readonly Role[]): string => {
  const names = ORDER.filter((r) => roles.includes(r)).map((r) => `aux ${ROLE_HOLDERS[r]}`);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}`;
};

/** The guard's 403 message: « Action réservée aux directions financières et aux administrateurs de la méthodologie. » */
export const reservedActionMessage = (roles: readonly Role[]): string => `Action réservée ${reservedTo(roles)}.`;
