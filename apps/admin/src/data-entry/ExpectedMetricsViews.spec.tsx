import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { ExpectedMetricsEdit, ExpectedMetricsList } from './ExpectedMetricsViews';

const metrics = [
  { id: 'm1', code: 'spend', label: 'Dépenses' },
  { id: 'm2', code: 'person_months', label: 'Mois-personnes' },
  { id: 'm3', code: 'beneficiaries', label: 'Bénéficiaires' },
  { id: 'm4', code: 'meals', label: 'Repas livrés' },
];
const portage = {
  id: 'PORTAGE_REPAS',
  service: 'PORTAGE_REPAS',
  serviceLabel: 'Portage de repas à domicile',
  slots: ['spend', 'person_months|beneficiaries'],
  metrics: ['spend', 'person_months', 'beneficiaries'],
  configured: false,
  updatedByName: null,
  updatedAt: null,
};
const saad = {
  id: 'SAAD',
  service: 'SAAD',
  serviceLabel: 'Aide à domicile',
  slots: ['spend', 'hours'],
  metrics: ['spend', 'hours'],
  configured: true,
  updatedByName: 'Administratrice méthodologie (démo)',
  updatedAt: '2024-03-01T09:30:00.000Z',
};
const admin = {
  getPermissions: async () => [{ role: 'admin', orgUnit: null }],
  checkAuth: async () => undefined,
  login: async () => undefined,
  logout: async () => undefined,
  checkError: async () => undefined,
  canAccess: async () => true,
};

describe(ExpectedMetricsList.name, () => {
  it('lists each service’s expected metrics in words, default or configured, by whom and when (Paris time)', async () => {
    const getList = jest.fn(async (resource: string) => {
      const data = resource === 'metrics' ? metrics : [portage, saad];
      return { data, total: data.length };
    });
    renderAdmin(<ExpectedMetricsList />, { dataProvider: { getList } as never, authProvider: admin, resource: 'expected-metrics' });
    expect(await screen.findByText('Dépenses · Mois-personnes ou Bénéficiaires', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Par défaut')).toBeTruthy();
    expect(screen.getByText('Configurée')).toBeTruthy();
    expect(screen.getByText('Modifiée par Administratrice méthodologie (démo) le 1 mars 2024, 10:30')).toBeTruthy();
    expect(screen.queryByText(/PORTAGE_REPAS|person_months/)).toBeNull();
  });
});

describe(ExpectedMetricsEdit.name, () => {
  it('sends only the chosen metric codes', async () => {
    const update = jest.fn(async (_resource: string, params: { id: string; data: unknown }) => ({
      data: { ...portage, ...(params.data as object), configured: true },
    }));
    const getOne = jest.fn(async () => ({ data: portage }));
    const getList = jest.fn(async () => ({ data: metrics, total: metrics.length }));
    renderAdmin(<ExpectedMetricsEdit id="PORTAGE_REPAS" />, {
      dataProvider: { getOne, getList, update } as never,
      authProvider: admin,
      resource: 'expected-metrics',
    });
    expect(await screen.findByText('Indicateurs attendus : Portage de repas à domicile', undefined, { timeout: 5000 })).toBeTruthy();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Repas livrés' }, { timeout: 5000 }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mois-personnes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0][1].data).toEqual({ metrics: ['spend', 'beneficiaries', 'meals'] });
  });
});
