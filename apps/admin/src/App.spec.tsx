import { render, screen } from '@testing-library/react';
import { TestMemoryRouter } from 'react-admin';
import { App } from './App';
import type { SessionUser } from './auth/auth.types';
import type { Session } from './auth/session';
import { userFactory } from './test-utils/factories';

// react-admin uses the surrounding memory router (its own browser router needs fetch's Request, absent from jsdom).

/** A session held in a variable: signed out until `login` succeeds. */
const fakeSession = (initial: SessionUser | null, onLogin: (email: string, password: string) => SessionUser) => {
  let user = initial;
  const session: Session = {
    login: jest.fn(async (email: string, password: string) => (user = onLogin(email, password))),
    logout: jest.fn(async () => {
      user = null;
    }),
    refresh: jest.fn(async () => user),
    getToken: jest.fn(async () => (user ? 'token' : null)),
    getUser: jest.fn(async () => user),
    clear: () => {
      user = null;
    },
  };
  return session;
};

const problem404 = async () =>
  ({
    ok: false,
    status: 404,
    statusText: 'Not Found',
    headers: new Headers({ 'Content-Type': 'application/problem+json' }),
    text: async () => JSON.stringify({ type: 'about:blank', title: 'Introuvable', status: 404, detail: "Cette route n'existe pas encore." }),
  }) as Response;

beforeEach(() => {
  window.localStorage.clear();
  globalThis.fetch = jest.fn(problem404) as typeof fetch;
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe(App.name, () => {
  it('shows a viewer the dashboard and only the menu entries a viewer may open', async () => {
    const viewer = userFactory({ roles: [{ role: 'viewer', orgUnit: null }] });
    render(
      <TestMemoryRouter>
        <App session={fakeSession(viewer, () => viewer)} />
      </TestMemoryRouter>,
    );

    expect(await screen.findByRole('menuitem', { name: /Services/ })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: /Coûts unitaires/ })).toBeTruthy();
    // Reads what the API lets every member read, but enters nothing and sees no admin or report screens.
    expect(screen.getByRole('menuitem', { name: /Chiffres/ })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: /Saisie/ })).toBeNull();
    expect(screen.queryByRole('menuitem', { name: /Importer/ })).toBeNull();
    expect(screen.queryByRole('menuitem', { name: /Journal/ })).toBeNull();
    expect(screen.queryByRole('menuitem', { name: /Abonnements/ })).toBeNull();
    expect(screen.queryByRole('menuitem', { name: /Utilisateurs/ })).toBeNull();
    // The indicators API is not there yet: a clear message, not a crash.
    expect(await screen.findByText('Indicateurs indisponibles')).toBeTruthy();
    expect(screen.getAllByText(/Cette route n'existe pas encore\./).length).toBeGreaterThan(0);
  });

  it('shows finance the data entry, the import and the data lists, not the admin-only audit log', async () => {
    const finance = userFactory({ roles: [{ role: 'finance', orgUnit: null }] });
    render(
      <TestMemoryRouter>
        <App session={fakeSession(finance, () => finance)} />
      </TestMemoryRouter>,
    );

    expect(await screen.findByRole('menuitem', { name: /Chiffres/ })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: /Dépôts/ })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: /Saisie/ })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: /Importer/ })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: /Journal des modifications/ })).toBeNull();
    expect(screen.getByRole('menuitem', { name: /Journal des envois/ })).toBeTruthy();
  });
});
