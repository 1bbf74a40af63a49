import { screen } from '@testing-library/react';
import type { AuthProvider } from 'react-admin';
import { renderAdmin } from '../test-utils/render-admin';
import { LevierAppBar } from './LevierAppBar';

const authProvider = (organisation: { id: string; name: string } | undefined): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => [],
  getIdentity: async () => ({ id: 'u1', fullName: 'Claire Martin', email: 'directeur@valmont.demo', organisation }),
});

/** The user menu lists the organisation's units to name the units of each role. */
const dataProvider = { getList: async () => ({ data: [], total: 0 }) };

describe(LevierAppBar.name, () => {
  it('names the signed-in user’s organisation in the app bar', async () => {
    renderAdmin(<LevierAppBar />, { authProvider: authProvider({ id: 'o1', name: 'CCAS de Valmont' }), dataProvider });
    const organisation = await screen.findByTestId('app-bar-organisation');
    expect(organisation.textContent).toBe('CCAS de Valmont');
    expect(organisation.getAttribute('title')).toBe('CCAS de Valmont');
  });

  it('shows no empty organisation slot when the identity names none', async () => {
    renderAdmin(<LevierAppBar />, { authProvider: authProvider(undefined), dataProvider });
    await screen.findByRole('banner');
    expect(screen.queryByTestId('app-bar-organisation')).toBeNull();
  });
});
