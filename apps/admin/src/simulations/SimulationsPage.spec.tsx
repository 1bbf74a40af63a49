import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { SimulationsPage } from './SimulationsPage';
import type { LeverJson, SavedSimulationAnswer, SimulationAggregate, SimulationAnswer } from './simulation.types';

const aggregate = (net: string, ledger: Record<string, string>, services: Record<string, [string, string]> = {}): SimulationAggregate => ({
  grossSavings: '900000.00',
  cost: '700000.00',
  netSavings: net,
  offsetRatio: '1.28',
  byPayer: {},
  publicSavings: '800000.00',
  publicCost: '650000.00',
  publicNetSavings: net,
  ledger: Object.fromEntries(Object.entries(ledger).map(([payer, n]) => [payer, { avoided: '0.00', cost: '0.00', net: n }])),
  services: Object.fromEntries(
    Object.entries(services).map(([code, [cost, n]]) => [
      code,
      { grossSavings: '0.00', cost, netSavings: n, offsetRatio: null, byPayer: {}, publicNetSavings: n },
    ]),
  ),
});

/** A preview of the demo's move of 50 000 € from meal delivery to SAAD (amounts made up, shapes of the API). */
const answer: SimulationAnswer = {
  scope: { orgUnit: 'VALMONT', orgUnitName: 'CCAS de Valmont', from: '2024-01', to: '2024-12' },
  conventions: 2,
  levers: [{ kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '50000' }],
  baseline: aggregate(
    '200000.00',
    { DEPARTEMENT: '150000.00', COMMUNE_CCAS: '-90000.00' },
    { SAAD: ['400000.00', '150000.00'], PORTAGE_REPAS: ['150000.00', '10000.00'] },
  ),
  simulated: aggregate(
    '230000.00',
    { DEPARTEMENT: '185000.00', COMMUNE_CCAS: '-95000.00' },
    { SAAD: ['450000.00', '190000.00'], PORTAGE_REPAS: ['100000.00', '6000.00'] },
  ),
  delta: aggregate(
    '30000.00',
    { DEPARTEMENT: '35000.00', COMMUNE_CCAS: '-5000.00' },
    { SAAD: ['50000.00', '40000.00'], PORTAGE_REPAS: ['-50000.00', '-4000.00'] },
  ),
  ranges: null,
  checks: [
    {
      lever: 1,
      kind: 'FONGIBILITE',
      status: 'ok',
      fromService: 'PORTAGE_REPAS',
      toService: 'SAAD',
      amount: '50000.00',
      years: [],
      message:
        'Levier 1 : 50 000,00 € de « Portage de repas » vers « Aide à domicile renforcée (SAAD) », de la fonction 4238 à la fonction 423 : fongibilité des crédits. 2024 : marge restante 70 000,00 €.',
    },
  ],
  services: {
    SAAD: { label: 'Aide à domicile renforcée (SAAD)', functionCode: '423', functionLabel: 'Personnes âgées' },
    PORTAGE_REPAS: { label: 'Portage de repas', functionCode: '4238', functionLabel: null },
  },
};

const saved: { id: string; name: string; scope: SimulationAnswer['scope']; levers: LeverJson[]; createdAt: string }[] = [
  { id: 's1', name: 'Portage → SAAD', scope: answer.scope, levers: answer.levers, createdAt: '2026-01-05T10:00:00Z' },
  { id: 's2', name: 'SAAD × 1,2', scope: answer.scope, levers: [{ kind: 'scale', service: 'SAAD', factor: '1.2' }], createdAt: '2026-01-06T10:00:00Z' },
];
const savedAnswer = (id: string, net: string): SavedSimulationAnswer => ({
  ...saved.find((s) => s.id === id)!,
  ...answer,
  scope: answer.scope,
  levers: saved.find((s) => s.id === id)!.levers,
  problems: [],
  computedAt: '2026-01-07T10:00:00Z',
  simulated: aggregate(net, { DEPARTEMENT: '185000.00' }),
  delta: aggregate('1.00', { DEPARTEMENT: '1.00' }),
});

const setup = (role = 'director', preview: (body: unknown) => Promise<{ status: number; json: unknown }> = async () => ({ status: 200, json: answer })) => {
  const apiPost = jest.fn(async (path: string, body: unknown) => (path === '/simulations/preview' ? preview(body) : { status: 201, json: { id: 's3' } }));
  const apiGet = jest.fn(async (path: string) => {
    if (path.startsWith('/simulations?')) return saved;
    if (path === '/simulations/s1') return savedAnswer('s1', '230000.00');
    if (path === '/simulations/s2') return savedAnswer('s2', '260000.00');
    throw new Error(path);
  });
  const getList = jest.fn(async () => ({
    data: [
      { id: 'a', code: 'PORTAGE_REPAS', label: 'Portage de repas' },
      { id: 'b', code: 'SAAD', label: 'Aide à domicile renforcée (SAAD)' },
    ],
    total: 2,
  }));
  const authProvider = {
    getPermissions: async () => [{ role, orgUnitId: null }],
    checkAuth: async () => undefined,
    login: async () => undefined,
    logout: async () => undefined,
    checkError: async () => undefined,
  };
  const getFile = jest.fn(async () => ({ blob: new Blob(['%PDF-1.3']), filename: 'note-conseil-VALMONT-2024-01-2024-12.pdf' }));
  renderAdmin(<SimulationsPage />, { dataProvider: { getList, apiGet, apiPost, getFile } as never, authProvider, url: '/simulations' });
  return { apiPost, apiGet, getFile };
};

const previews = (apiPost: jest.Mock) => apiPost.mock.calls.filter(([path]) => path === '/simulations/preview');

describe(SimulationsPage.name, () => {
  it('moves an amount between two services, previews it once the slider rests, and shows payers, services and the fongibilité check in words', async () => {
    const { apiPost } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Déplacer un budget' }));
    const amount = (await screen.findByTestId('lever-0-amount')) as HTMLInputElement;
    // typing 5, 50, 500… 50000 quickly: one preview for the value it rests on (a slow machine may already have previewed
    // the lever's default amount before the typing starts: only what the typing sent is counted)
    const before = previews(apiPost).length;
    for (const value of ['5', '50', '500', '5000', '50000']) fireEvent.change(amount, { target: { value } });
    await waitFor(() => expect(previews(apiPost).length).toBeGreaterThan(before));
    await new Promise((r) => setTimeout(r, 400));
    expect(previews(apiPost).slice(before)).toHaveLength(1);
    expect(previews(apiPost)[before][1]).toEqual({
      from: expect.stringMatching(/^\d{4}-01$/),
      to: expect.stringMatching(/^\d{4}-12$/),
      levers: [{ kind: 'move', fromService: 'PORTAGE_REPAS', toService: 'SAAD', amount: '50000' }],
    });

    const payers = await screen.findByTestId('simulation-payers');
    const departement = within(payers).getByTestId('payer-DEPARTEMENT');
    expect(departement.textContent).toMatch(/150\s000,00\s€/);
    expect(departement.textContent).toMatch(/185\s000,00\s€/);
    expect(departement.textContent).toMatch(/\+35\s000,00\s€/);
    // a payer that loses is shown with its negative net
    expect(within(payers).getByTestId('payer-COMMUNE_CCAS').textContent).toMatch(/-95\s000,00\s€|−95\s000,00\s€/);
    const services = screen.getByTestId('simulation-services');
    expect(within(services).getByText('Portage de repas')).toBeTruthy();
    expect(within(services).getByTestId('service-SAAD').textContent).toMatch(/450\s000,00\s€/);
    expect(screen.getByTestId('check-1').textContent).toMatch(/fongibilité des crédits.*marge restante 70 000,00 €/);
  });

  it('shows the API’s French reason when a lever is refused, and no figures', async () => {
    const refused = Object.assign(new Error('levier 1 (scale SAAD) : factor : le facteur doit être strictement positif (reçu 0).'), {
      status: 400,
      body: { errors: ['levier 1 (scale SAAD) : factor : le facteur doit être strictement positif (reçu 0).'] },
    });
    setup('finance', async () => Promise.reject(refused));
    fireEvent.click(await screen.findByRole('button', { name: 'Faire varier un service' }));
    fireEvent.change(await screen.findByTestId('lever-0-factor'), { target: { value: '0' } });
    expect((await screen.findByTestId('simulation-errors')).textContent).toMatch(/levier 1 \(scale SAAD\).*strictement positif/);
    expect(screen.queryByTestId('simulation-payers')).toBeNull();
  });

  it('saves the simulation with its name, scope and levers', async () => {
    const { apiPost } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Faire varier un service' }));
    await screen.findByTestId('simulation-payers');
    fireEvent.change(screen.getByTestId('simulation-name'), { target: { value: 'SAAD + 10 %' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la simulation' }));
    await waitFor(() =>
      expect(apiPost).toHaveBeenCalledWith('/simulations', {
        name: 'SAAD + 10 %',
        scope: { from: expect.any(String), to: expect.any(String) },
        levers: [{ kind: 'scale', service: 'PORTAGE_REPAS', factor: '1.1' }],
      }),
    );
  });

  it('compares two saved simulations side by side, each recomputed', async () => {
    const { apiGet } = setup();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Comparer Portage → SAAD' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Comparer SAAD × 1,2' }));
    const comparison = await screen.findByTestId('simulation-comparison');
    expect(apiGet).toHaveBeenCalledWith('/simulations/s1');
    expect(apiGet).toHaveBeenCalledWith('/simulations/s2');
    const row = within(comparison).getByTestId('compare-netSavings');
    expect(row.textContent).toMatch(/230\s000,00\s€.*260\s000,00\s€/);
    expect(within(comparison).getAllByText('Portage → SAAD').length).toBeGreaterThan(0);
    expect(within(comparison).getAllByText('SAAD × 1,2').length).toBeGreaterThan(0);
  });

  it('reopens a saved simulation with its scope and levers', async () => {
    setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Ouvrir Portage → SAAD' }));
    expect(((await screen.findByTestId('lever-0-amount')) as HTMLInputElement).value).toBe('50000');
    expect((screen.getByTestId('scope-orgUnit') as HTMLInputElement).value).toBe('VALMONT');
    expect((screen.getByTestId('scope-from') as HTMLInputElement).value).toBe('2024-01');
  });

  it('downloads the note for the board of a saved simulation', async () => {
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:note'), revokeObjectURL: jest.fn() });
    const { getFile } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Note pour le conseil (PDF) — SAAD × 1,2' }));
    await waitFor(() => expect(getFile).toHaveBeenCalledWith('/documents/note-conseil', { simulation: 's2', format: 'pdf' }, 'fr'));
  });

  it('tells a viewer the simulator is for the finance, director and admin roles', async () => {
    const { apiPost } = setup('viewer');
    expect(await screen.findByText(/réservé aux rôles finances, direction et administration/)).toBeTruthy();
    expect(apiPost).not.toHaveBeenCalled();
  });
});
