import { userFactory } from '../test-utils/factories';
import { fakeFetch } from '../test-utils/fake-fetch';
import { createAuthProvider } from '../authProvider';
import { AuthError, createSession, hasSessionCookieIn, MAX_REFRESH_RETRIES } from './session';

const authBody = (token: string, expiresIn = 900) => ({ accessToken: token, expiresIn, user: userFactory() });

describe(createSession.name, () => {
  it('logs in, keeps the token in memory and sends the CSRF header', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200, body: authBody('t1') }));
    const sut = createSession({ fetch, now: () => 0, apiUrl: '/api' });

    await expect(sut.login('directeur@valmont.demo', 'levier-demo')).resolves.toMatchObject({ displayName: 'Claire Directrice' });

    expect(calls[0]).toMatchObject({
      url: '/api/auth/login',
      method: 'POST',
      body: JSON.stringify({ email: 'directeur@valmont.demo', password: 'levier-demo' }),
    });
    expect(calls[0].headers.get('X-Requested-With')).toBe('levier');
    await expect(sut.getToken()).resolves.toBe('t1');
  });

  it('reports the French problem detail of a refused login', async () => {
    const { fetch } = fakeFetch(() => ({ status: 401, body: { title: 'Non autorisé', status: 401, detail: 'Identifiants invalides.' } }));
    const sut = createSession({ fetch, now: () => 0, apiUrl: '/api' });

    await expect(sut.login('x@y.fr', 'bad')).rejects.toEqual(new AuthError('Identifiants invalides.', 401));
    await expect(sut.getToken()).resolves.toBeNull();
  });

  it('restores the session from the refresh cookie on page load', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200, body: authBody('t2') }));
    const sut = createSession({ fetch, now: () => 0, apiUrl: '/api' });

    await expect(sut.getUser()).resolves.toMatchObject({ id: 'u1' });
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/refresh']);
    await expect(sut.getToken()).resolves.toBe('t2');
  });

  it('refreshes an expired token before use, once for concurrent callers', async () => {
    let now = 0;
    let issued = 0;
    const { fetch, calls } = fakeFetch(() => ({ status: 200, body: authBody(`t${++issued}`, 60) }));
    const sut = createSession({ fetch, now: () => now, apiUrl: '/api' });
    await sut.login('a@b.fr', 'p');

    now = 50_000; // 10 s before expiry: inside the safety margin
    const tokens = await Promise.all([sut.getToken(), sut.getToken(), sut.getToken()]);

    expect(tokens).toEqual(['t2', 't2', 't2']);
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('is signed out when the refresh cookie is refused', async () => {
    const { fetch } = fakeFetch(() => ({ status: 401, body: { title: 'Session expirée', status: 401 } }));
    const sut = createSession({ fetch, now: () => 0, apiUrl: '/api' });

    await expect(sut.refresh()).resolves.toBeNull();
    await expect(sut.getUser()).resolves.toBeNull();
  });

  it('forgets the token on logout even if the server is unreachable', async () => {
    const { fetch } = fakeFetch((call) => {
      if (call.url.endsWith('/logout')) throw new TypeError('Failed to fetch');
      return { status: 200, body: authBody('t1') };
    });
    const sut = createSession({ fetch, now: () => 0, apiUrl: '/api' });
    await sut.login('a@b.fr', 'p');

    await sut.logout();

    await expect(sut.getToken()).resolves.toBeNull();
  });

  describe('without a session (issue 15, finding 6)', () => {
    it('sends no refresh at all when the levier_session cookie is absent, and reads the cookie exactly', async () => {
      const { fetch, calls } = fakeFetch(() => ({ status: 200, body: authBody('t1') }));
      const sut = createSession({ fetch, now: () => 0, apiUrl: '/api', hasSessionCookie: () => false });

      await expect(sut.getUser()).resolves.toBeNull();
      await expect(sut.refresh()).resolves.toBeNull();
      await expect(sut.getToken()).resolves.toBeNull();

      expect(calls).toEqual([]);
      expect(hasSessionCookieIn('a=b; levier_session=1; c=d')).toBe(true);
      expect(hasSessionCookieIn('levier_session=0; levier_sessionx=1')).toBe(false);
      expect(hasSessionCookieIn('')).toBe(false);
    });

    it('refreshes when the cookie is there', async () => {
      const { fetch, calls } = fakeFetch(() => ({ status: 200, body: authBody('t9') }));
      const sut = createSession({ fetch, now: () => 0, apiUrl: '/api', hasSessionCookie: () => true });

      await expect(sut.getUser()).resolves.toMatchObject({ id: 'u1' });
      expect(calls.map((c) => c.url)).toEqual(['/api/auth/refresh']);
    });
  });

  describe('a refresh answered 429', () => {
    const tooMany = { status: 429, body: { status: 429, detail: 'Trop de requêtes : réessayez dans quelques instants.' }, headers: { 'Retry-After': '7' } };

    it('waits Retry-After and retries, keeping the session', async () => {
      const waits: number[] = [];
      const { fetch, calls } = fakeFetch((_call, index) => (index < 2 ? tooMany : { status: 200, body: authBody('t3') }));
      const sut = createSession({ fetch, now: () => 0, apiUrl: '/api', sleep: async (ms) => void waits.push(ms) });

      await expect(sut.getUser()).resolves.toMatchObject({ id: 'u1' });
      await expect(sut.getToken()).resolves.toBe('t3');
      expect(waits).toEqual([7000, 7000]);
      expect(calls).toHaveLength(3);
    });

    it('gives up after a bounded number of retries with the API’s French message, never as a silent sign-out', async () => {
      const waits: number[] = [];
      const { fetch, calls } = fakeFetch(() => ({ ...tooMany, headers: { 'Retry-After': '3600' } }));
      const sut = createSession({ fetch, now: () => 0, apiUrl: '/api', sleep: async (ms) => void waits.push(ms) });

      await expect(sut.getUser()).rejects.toEqual(new AuthError('Trop de requêtes : réessayez dans quelques instants.', 429));
      expect(calls).toHaveLength(MAX_REFRESH_RETRIES + 1);
      // an hour asked for: each wait capped at 10 s
      expect(waits).toEqual(Array(MAX_REFRESH_RETRIES).fill(10_000));
    });

    it('makes checkAuth reject with that message (shown on the login page), not the silent { message: false }', async () => {
      const { fetch } = fakeFetch(() => tooMany);
      const sut = createSession({ fetch, now: () => 0, apiUrl: '/api', sleep: async () => undefined });
      const provider = createAuthProvider(sut);

      await expect(provider.checkAuth({})).rejects.toEqual({ message: 'Trop de requêtes : réessayez dans quelques instants.' });
    });

    it('leaves checkAuth silent for a visitor without a session', async () => {
      const { fetch } = fakeFetch(() => ({ status: 401, body: {} }));
      const provider = createAuthProvider(createSession({ fetch, now: () => 0, apiUrl: '/api', hasSessionCookie: () => false }));

      await expect(provider.checkAuth({})).rejects.toEqual({ message: false });
    });
  });
});
