/** react-admin authProvider over the in-memory session (auth/session.ts). */
import type { AuthProvider, UserIdentity } from 'react-admin';
import { canAccess } from './auth/can-access';
import type { RoleAssignment } from './auth/auth.types';
import { AuthError, type Session } from './auth/session';

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : undefined;

export const createAuthProvider = (session: Session): AuthProvider => ({
  async login({ username, email, password }: { username?: string; email?: string; password: string }) {
    await session.login((email ?? username ?? '').trim(), password);
  },
  async logout() {
    await session.logout();
  },
  async checkAuth() {
    try {
      if (await session.getUser()) return;
    } catch (err) {
      // the rate limit still refused after the retries: the login page says so (French, from the API), never silently;
      // the refresh cookie is kept (no server logout: the session is not in memory), so a later reload restores it
      if (err instanceof AuthError) throw { message: err.message };
      throw err;
    }
    // No notification on a plain visit without a session: just show the login page.
    throw { message: false };
  },
  async checkError(error: unknown) {
    // The data provider already retried once with a refreshed token: a 401 here means signed out.
    if (statusOf(error) === 401) {
      session.clear();
      throw { message: 'levier.auth.session_expired' };
    }
    // 403 and everything else: stay signed in, the page shows the error.
  },
  async getIdentity(): Promise<UserIdentity> {
    const user = await session.getUser();
    if (!user) throw { message: false };
    return { id: user.id, fullName: user.displayName, email: user.email, organisation: user.organisation };
  },
  async getPermissions(): Promise<RoleAssignment[]> {
    return (await session.getUser())?.roles ?? [];
  },
  async canAccess({ resource, action }) {
    const user = await session.getUser();
    return user ? canAccess(user.roles, resource, action) : false;
  },
});
