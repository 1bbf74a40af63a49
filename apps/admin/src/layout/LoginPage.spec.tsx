import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AuthProvider } from 'react-admin';
import { renderAdmin } from '../test-utils/render-admin';
import { LoginPage } from './LoginPage';

const signedOut = (): AuthProvider & { login: jest.Mock } => ({
  login: jest.fn(async () => undefined),
  logout: async () => undefined,
  checkAuth: async () => {
    throw { message: false };
  },
  checkError: async () => undefined,
});

describe(LoginPage.name, () => {
  it('shows the product name, its French tagline and an e-mail field', async () => {
    renderAdmin(<LoginPage />, { authProvider: signedOut(), url: '/login' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Levier' })).toBeTruthy();
    expect(screen.getByText('Épargne médico-sociale et réallocation des ressources')).toBeTruthy();
    expect(screen.getByLabelText(/Adresse électronique/)).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
  });

  it('signs in with the e-mail address and password', async () => {
    const authProvider = signedOut();
    renderAdmin(<LoginPage />, { authProvider, url: '/login' });

    fireEvent.change(await screen.findByLabelText(/Adresse électronique/), { target: { value: 'finance@valmont.demo' } });
    fireEvent.change(screen.getByLabelText(/Mot de passe/), { target: { value: 'levier-demo' } });
    fireEvent.click(screen.getByRole('button', { name: /Connexion/ }));

    await waitFor(() =>
      expect(authProvider.login).toHaveBeenCalledWith(expect.objectContaining({ username: 'finance@valmont.demo', password: 'levier-demo' })),
    );
  });
});
