/**
 * A visitor without a session goes straight to the login page, before react-admin mounts. With `requireAuth`,
 * react-admin 5.15 under react-router 7 otherwise loops « log out → navigate to /login » a few thousand times before
 * the login page settles (marmelab/react-admin#10885): a first visit to the product's address showed a blank page
 * for 10–20 s (measured 11.3 s by `npm run bench`, 1 s for `#/login` itself). The page asked for is kept as
 * react-admin's `nextPathname`, so signing in still lands there.
 */
import type { Session } from './session';

/** The parts of `window` the entry reads and writes (a test passes its own). */
export interface EntryWindow {
  location: Pick<Location, 'hash'>;
  history: Pick<History, 'replaceState'>;
}

export const LOGIN_HASH = '#/login';

/** Resolves once the address is right for react-admin: the login page when nobody is signed in. */
export const routeAnonymousToLogin = async (session: Session, win: EntryWindow): Promise<void> => {
  const route = win.location.hash.replace(/^#/, '') || '/';
  if (route === '/login' || route.startsWith('/login?')) return;
  try {
    // restores the session from its cookie when there is one; the App's providers share the same session
    if (await session.getUser()) return;
  } catch {
    // the rate limit still refused after its retries: react-admin's checkAuth says so on the login page
    return;
  }
  const [pathname, search] = route.split('?');
  // react-router keeps a location's state under `usr` in history.state: react-admin reads nextPathname after sign-in
  win.history.replaceState({ usr: { nextPathname: pathname, nextSearch: search ? `?${search}` : '' }, key: 'default', idx: 0 }, '', LOGIN_HASH);
};
