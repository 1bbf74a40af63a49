import { userFactory } from '../test-utils/factories';
import { fakeFetch } from '../test-utils/fake-fetch';
import { AuthError, createSession } from './session';

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
});
