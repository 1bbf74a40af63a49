import { screen } from '@testing-library/react';
import type { AuthProvider } from 'react-admin';
import { renderAdmin } from '../test-utils/render-admin';
import { LevierAppBar } from './LevierAppBar';
import type { Profile } from './use-profile';

/** The session's identity as the login answers it: no organisation name. */
const authProvider: AuthProvider = {
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => [],
  getIdentity: async () => ({ id: 'u1', fullName: 'Claire Martin', email: 'directeur@valmont.demo' }),
};

const me: Profile = {
  email: 'directeur@valmont.demo',
  displayName: 'Claire Martin',
  organisation: { id: 'o1', name: 'CCAS de Valmont' },
  roles: [{ role: 'director', orgUnitId: null }],
};

/** `/auth/me` answers `profile`; the user menu lists the organisation's units to name the units of each role. */
const dataProvider = (profile: Profile | null) => ({
  getList: async () => ({ data: [], total: 0 }),
  apiGet: jest.fn(async () => profile),
});

describe(LevierAppBar.name, () => {
  it('names the signed-in user’s organisation in the app bar, read from /auth/me', async () => {
    const provider = dataProvider(me);
    renderAdmin(<LevierAppBar />, { authProvider, dataProvider: provider });
    const organisation = await screen.findByTestId('app-bar-organisation');
    expect(organisation.textContent).toBe('CCAS de Valmont');
    expect(organisation.getAttribute('title')).toBe('CCAS de Valmont');
    expect(provider.apiGet).toHaveBeenCalledWith('/auth/me', expect.anything());
  });

  it('shows no empty organisation slot when the profile cannot be read', async () => {
    renderAdmin(<LevierAppBar />, { authProvider, dataProvider: dataProvider(null) });
    await screen.findByRole('banner');
    expect(screen.queryByTestId('app-bar-organisation')).toBeNull();
  });
});
