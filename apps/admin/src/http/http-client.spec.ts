import { createSession } from '../auth/session';
import { userFactory } from '../test-utils/factories';
import { fakeFetch, type Reply } from '../test-utils/fake-fetch';
import { createHttpClient } from './http-client';

const setup = (api: (url: string, authorization: string | null) => Reply) => {
  let issued = 0;
  const { fetch, calls } = fakeFetch((call) => {
    if (call.url === '/api/auth/login' || call.url === '/api/auth/refresh') {
      return { status: 200, body: { accessToken: `t${++issued}`, expiresIn: 900, user: userFactory() } };
    }
    return api(call.url, call.headers.get('Authorization'));
  });
  const session = createSession({ fetch, now: () => 0, apiUrl: '/api' });
  return { sut: createHttpClient(session, fetch), session, calls };
};

describe(createHttpClient.name, () => {
  it('sends the bearer token and returns the parsed JSON', async () => {
    const { sut, session, calls } = setup(() => ({ status: 200, body: [{ id: 1 }], headers: { 'Content-Range': 'services 0-0/1' } }));
    await session.login('a@b.fr', 'p');

    const res = await sut('/api/services');

    expect(res.json).toEqual([{ id: 1 }]);
    expect(res.headers.get('Content-Range')).toBe('services 0-0/1');
    expect(calls[1].headers.get('Authorization')).toBe('Bearer t1');
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    const { sut, session, calls } = setup((_, authorization) =>
      authorization === 'Bearer t2' ? { status: 200, body: { ok: true } } : { status: 401, body: { status: 401 } },
    );
    await session.login('a@b.fr', 'p');

    await expect(sut('/api/figures')).resolves.toMatchObject({ json: { ok: true } });
    expect(calls.map((c) => c.url)).toEqual(['/api/auth/login', '/api/figures', '/api/auth/refresh', '/api/figures']);
  });

  it('does not loop when the retried call is still refused', async () => {
    const { sut, session, calls } = setup(() => ({ status: 401, body: { status: 401 } }));
    await session.login('a@b.fr', 'p');

    await expect(sut('/api/figures')).rejects.toMatchObject({ status: 401 });
    expect(calls.filter((c) => c.url === '/api/figures')).toHaveLength(2);
  });

  it('surfaces the problem+json detail in French', async () => {
    const problem = { type: 'about:blank', title: 'Requête invalide', status: 400, detail: 'La période « 2026-13 » est invalide.' };
    const { sut } = setup(() => ({ status: 400, body: problem, headers: { 'Content-Type': 'application/problem+json' } }));

    await expect(sut('/api/figures', { method: 'POST', body: '{}' })).rejects.toMatchObject({
      status: 400,
      message: 'La période « 2026-13 » est invalide.',
      body: problem,
    });
  });

  it('sets JSON content type on bodies', async () => {
    const { sut, calls } = setup(() => ({ status: 201, body: { id: 3 } }));
    await sut('/api/services', { method: 'POST', body: '{"code":"X"}' });
    expect(calls.at(-1)?.headers.get('Content-Type')).toBe('application/json');
  });
});
