import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AuthProvider } from 'react-admin';
import { renderAdmin } from '../test-utils/render-admin';
import { QueueBoardMenuItem } from './QueueBoardMenuItem';

const authProvider: AuthProvider = {
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => [],
  getIdentity: async () => ({ id: 'u1', fullName: 'Claire Martin' }),
};

const dataProvider = (rights: { operator: boolean; mayRetry: boolean }) => ({
  getList: async () => ({ data: [], total: 0 }),
  apiGet: jest.fn(async () => rights),
  apiPost: jest.fn(async () => ({ status: 200, json: { url: '/api/operations/queues/' } })),
});

describe(QueueBoardMenuItem.name, () => {
  it('offers « Files d’attente » to an instance operator and opens the board in a new tab once its cookie is set', async () => {
    const provider = dataProvider({ operator: true, mayRetry: false });
    const tab = { opener: {} as unknown, location: { href: '' }, close: jest.fn() };
    const open = jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    renderAdmin(<QueueBoardMenuItem />, { authProvider, dataProvider: provider });
    fireEvent.click(await screen.findByText('Files d’attente'));
    await waitFor(() => expect(tab.location.href).toBe('/api/operations/queues/'));
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(provider.apiPost).toHaveBeenCalledWith('/operations/queue-board-session', {});
    expect(provider.apiGet).toHaveBeenCalledWith('/operations/me', expect.anything());
    expect(tab.opener).toBeNull();
    open.mockRestore();
  });

  it('shows nothing to anyone who is not an instance operator', async () => {
    const provider = dataProvider({ operator: false, mayRetry: false });
    renderAdmin(<QueueBoardMenuItem />, { authProvider, dataProvider: provider });
    await waitFor(() => expect(provider.apiGet).toHaveBeenCalled());
    expect(screen.queryByText('Files d’attente')).toBeNull();
  });
});
