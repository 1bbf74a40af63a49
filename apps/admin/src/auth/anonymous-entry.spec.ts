import { AuthError, type Session } from './session';
import { LOGIN_HASH, routeAnonymousToLogin, type EntryWindow } from './anonymous-entry';

const sessionWith = (getUser: Session['getUser']): Session =>
  ({ getUser, login: jest.fn(), logout: jest.fn(), refresh: jest.fn(), getToken: jest.fn(), clear: jest.fn() }) as unknown as Session;

const windowAt = (hash: string) => {
  const replaceState = jest.fn();
  const win: EntryWindow = { location: { hash }, history: { replaceState } };
  return { win, replaceState };
};

const user = { id: 'u', email: 'directeur@valmont.demo', displayName: 'Directrice', organisation: { id: 'o', name: 'CCAS de Valmont' }, roles: [] };

describe(routeAnonymousToLogin.name, () => {
  it('sends a visitor without a session to the login page, keeping the page asked for', async () => {
    const { win, replaceState } = windowAt('#/figures?filter=x');
    await routeAnonymousToLogin(
      sessionWith(async () => null),
      win,
    );
    expect(replaceState).toHaveBeenCalledWith({ usr: { nextPathname: '/figures', nextSearch: '?filter=x' }, key: 'default', idx: 0 }, '', LOGIN_HASH);
  });

  it('sends the bare address to the login page with the dashboard as the next page', async () => {
    const { win, replaceState } = windowAt('');
    await routeAnonymousToLogin(
      sessionWith(async () => null),
      win,
    );
    expect(replaceState).toHaveBeenCalledWith({ usr: { nextPathname: '/', nextSearch: '' }, key: 'default', idx: 0 }, '', LOGIN_HASH);
  });

  it('leaves a signed-in visitor (session restored from its cookie) where they are', async () => {
    const { win, replaceState } = windowAt('#/figures');
    await routeAnonymousToLogin(
      sessionWith(async () => user),
      win,
    );
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('does not ask for the session on the login page itself', async () => {
    const getUser = jest.fn(async () => null);
    const { win, replaceState } = windowAt('#/login');
    await routeAnonymousToLogin(sessionWith(getUser), win);
    expect(getUser).not.toHaveBeenCalled();
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('lets react-admin say the rate limit’s message when the session cannot be restored yet', async () => {
    const { win, replaceState } = windowAt('#/');
    await routeAnonymousToLogin(
      sessionWith(async () => {
        throw new AuthError('Trop de tentatives : réessayez dans une minute.', 429);
      }),
      win,
    );
    expect(replaceState).not.toHaveBeenCalled();
  });
});
