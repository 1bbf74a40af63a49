import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CreateParams, CreateResult, GetListParams, GetListResult, GetOneParams, GetOneResult } from 'react-admin';
import { renderAdmin } from '../test-utils/render-admin';
import { InitiativeCreate, InitiativeList, InitiativeShow, toInitiativeBody } from './InitiativeViews';

/** Rows of `GET /api/initiatives` (apps/api/src/initiatives/initiative.mapper.ts). */
const initiatives = [
  {
    id: 'i1',
    title: 'Tournée de portage partagée avec la bibliothèque',
    orgUnit: 'VALMONT-NORD',
    orgUnitName: 'Antenne Valmont Nord',
    team: 'Équipe du portage, antenne nord',
    service: 'PORTAGE_REPAS',
    serviceLabel: 'Portage de repas à domicile',
    startDate: '2024-03-01',
    status: 'testing',
    statusLabel: 'En test',
    hours: '12.5',
    euros: '350.10',
    itemsLent: 'Un véhicule de service',
    results: 'Douze personnes isolées visitées chaque semaine',
    metric: 'beneficiaries',
    metricLabel: 'Bénéficiaires',
    updatedAt: '2026-12-06T09:00:00.000Z',
  },
];
const references: Record<string, Record<string, unknown>[]> = {
  services: [
    { id: 's1', code: 'SAAD', label: 'Aide à domicile renforcée (SAAD)' },
    { id: 's2', code: 'PORTAGE_REPAS', label: 'Portage de repas à domicile' },
  ],
  'org-units': [{ id: 'u1', code: 'VALMONT-NORD', name: 'Antenne Valmont Nord' }],
  metrics: [{ id: 'm1', code: 'beneficiaries', label: 'Bénéficiaires' }],
};
/** Intl writes « 350,10 € » with a narrow no-break space: compare on plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');
const getList = jest.fn<Promise<GetListResult>, [string, GetListParams]>(async (resource) => {
  const data = references[resource] ?? initiatives;
  return { data, total: data.length } as GetListResult;
});

describe(InitiativeList.name, () => {
  it('shows the status and the service in words, never their codes, hours and euros the French way', async () => {
    renderAdmin(<InitiativeList />, { dataProvider: { getList }, resource: 'initiatives', url: '/initiatives' });

    expect(await screen.findByText('Tournée de portage partagée avec la bibliothèque')).toBeTruthy();
    const row = plain(screen.getAllByRole('row')[1].textContent);
    expect(row).toContain('Portage de repas à domicile');
    expect(row).toContain('En test');
    expect(row).toContain('12,5');
    expect(row).toContain('350,10 €');
    expect(screen.queryByText('testing')).toBeNull();
    expect(screen.queryByText('PORTAGE_REPAS')).toBeNull();
    expect(getList).toHaveBeenCalledWith('initiatives', expect.objectContaining({ sort: { field: 'startDate', order: 'DESC' } }));
  });
});

describe(InitiativeShow.name, () => {
  it('labels every field in French and shows the linked indicator by its name', async () => {
    const getOne = jest.fn<Promise<GetOneResult>, [string, GetOneParams]>(async () => ({ data: initiatives[0] }));
    renderAdmin(<InitiativeShow id="i1" />, { dataProvider: { getOne }, resource: 'initiatives', url: '/initiatives/i1/show' });

    expect(await screen.findByText('Bénéficiaires')).toBeTruthy();
    for (const label of [
      'Titre',
      'Équipe',
      'Unité',
      'Service',
      'Début',
      'Heures mobilisées',
      'Euros mobilisés',
      'Biens prêtés',
      'Résultats',
      'Indicateur lié',
    ]) {
      expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    }
    expect(screen.getByText('En test')).toBeTruthy();
    expect(screen.queryByText('beneficiaries')).toBeNull();
  });
});

describe(InitiativeCreate.name, () => {
  it('offers the statuses in words and sends codes, with decimals typed the French way sent with a point', async () => {
    const create = jest.fn<Promise<CreateResult>, [string, CreateParams]>(async (_resource, { data }) => ({ data: { id: 'new', ...data } }));
    renderAdmin(<InitiativeCreate />, { dataProvider: { getList, create }, resource: 'initiatives', url: '/initiatives/create' });

    fireEvent.change(await screen.findByLabelText(/Titre/), { target: { value: 'Prêt de la salle pour un atelier numérique' } });
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: /Unité/ }));
    fireEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: 'Antenne Valmont Nord' }));
    fireEvent.change(screen.getByLabelText(/Équipe/), { target: { value: 'Accueil' } });
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: /Service/ }));
    fireEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: 'Aide à domicile renforcée (SAAD)' }));
    fireEvent.change(screen.getByLabelText(/Début/), { target: { value: '2024-05-02' } });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: /Statut/ }));
    const statuses = within(await screen.findByRole('listbox'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(statuses).toEqual(['Idée', 'En test', 'Adoptée', 'Abandonnée']);
    fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Adoptée' }));
    fireEvent.change(screen.getByLabelText(/Heures mobilisées/), { target: { value: '7,5' } });
    fireEvent.change(screen.getByLabelText(/Euros mobilisés/), { target: { value: '120,40' } });
    fireEvent.click(screen.getByRole('button', { name: /Enregistrer/ }));

    await waitFor(() =>
      expect(create).toHaveBeenCalledWith(
        'initiatives',
        expect.objectContaining({
          data: expect.objectContaining({
            orgUnit: 'VALMONT-NORD',
            service: 'SAAD',
            status: 'adopted',
            startDate: '2024-05-02',
            hours: '7.5',
            euros: '120.40',
          }),
        }),
      ),
    );
  });

  it('refuses an amount with more than two decimals before sending it', async () => {
    const create = jest.fn<Promise<CreateResult>, [string, CreateParams]>();
    renderAdmin(<InitiativeCreate />, { dataProvider: { getList, create }, resource: 'initiatives', url: '/initiatives/create' });
    fireEvent.change(await screen.findByLabelText(/Euros mobilisés/), { target: { value: '10,001' } });
    fireEvent.click(screen.getByRole('button', { name: /Enregistrer/ }));
    expect(await screen.findByText('Nombre décimal attendu (ex. 1234.56)')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });
});

describe(toInitiativeBody.name, () => {
  it('writes decimals with a point and leaves the rest alone', () => {
    expect(toInitiativeBody({ hours: ' 3,25 ', euros: '10', title: 'x' })).toEqual({ hours: '3.25', euros: '10', title: 'x' });
    expect(toInitiativeBody({ hours: null })).toEqual({ hours: null, euros: undefined });
  });
});
