import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CreateParams, CreateResult, GetListParams, GetListResult, GetOneParams, GetOneResult } from 'react-admin';
import { renderAdmin } from '../test-utils/render-admin';
import { ServiceFundingCreate, ServiceFundingEdit, ServiceFundingList } from './ServiceFundingViews';

/** Rows of `GET /api/service-fundings` (apps/api/src/funding/service-funding.mapper.ts). */
const plans = [
  {
    id: 'f1',
    service: 'SAAD',
    serviceLabel: 'Aide à domicile renforcée (SAAD)',
    year: 2024,
    shares: { COMMUNE_CCAS: '0.1', DEPARTEMENT: '0.55', CAISSES_RETRAITE: '0.1', USAGER: '0.25' },
    note: 'APA et PCH',
    updatedAt: '2026-11-26T09:00:00.000Z',
  },
  {
    id: 'f2',
    service: 'PORTAGE_REPAS',
    serviceLabel: 'Portage de repas à domicile',
    year: 2024,
    shares: { DEPARTEMENT: '0.6', USAGER: '0.4' },
    note: null,
    updatedAt: '2026-11-26T09:00:00.000Z',
  },
];
const services = [
  { id: 's1', code: 'SAAD', label: 'Aide à domicile renforcée (SAAD)' },
  { id: 's2', code: 'AED', label: 'Aide éducative à domicile (AED)' },
];
/** Intl writes « 60 % » with a narrow no-break space: compare on plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');
const getList = jest.fn<Promise<GetListResult>, [string, GetListParams]>(async (resource) =>
  resource === 'services' ? { data: services, total: services.length } : { data: plans, total: plans.length },
);

describe(ServiceFundingList.name, () => {
  it('shows the service label, never its code, and the shares in French words, largest first', async () => {
    renderAdmin(<ServiceFundingList />, { dataProvider: { getList }, resource: 'service-fundings', url: '/service-fundings' });

    expect(await screen.findByText('Portage de repas à domicile')).toBeTruthy();
    const rows = screen.getAllByRole('row').map((r) => plain(r.textContent));
    expect(rows.some((r) => r.includes('Département 60 % · Ménages (usagers) 40 %'))).toBe(true);
    expect(rows.some((r) => r.includes('Département 55 % · Ménages (usagers) 25 % · Commune / CCAS 10 % · Caisses de retraite 10 %'))).toBe(true);
    expect(screen.queryByText('PORTAGE_REPAS')).toBeNull();
    expect(getList).toHaveBeenCalledWith('service-fundings', expect.objectContaining({ sort: { field: 'year', order: 'DESC' } }));
  });
});

describe(ServiceFundingCreate.name, () => {
  const percent = (payer: string) => document.querySelector(`input[data-payer="${payer}"]`) as HTMLInputElement;
  const fill = async () => {
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: /Service/ }));
    fireEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: 'Aide éducative à domicile (AED)' }));
    fireEvent.change(screen.getByLabelText(/Année/), { target: { value: '2025' } });
    fireEvent.change(percent('DEPARTEMENT'), { target: { value: '60' } });
    fireEvent.change(percent('USAGER'), { target: { value: '35' } });
  };

  it('labels one percentage per payer in French words', async () => {
    renderAdmin(<ServiceFundingCreate />, { dataProvider: { getList }, resource: 'service-fundings', url: '/service-fundings/create' });
    for (const label of [
      'Commune / CCAS',
      'Département (APA, PCH)',
      'Caisses de retraite',
      'Assurance maladie',
      'ARS',
      'CAF',
      'Usagers (participations)',
      'État',
      'Bailleurs sociaux',
      'Autre',
    ]) {
      expect(await screen.findByLabelText(label)).toBeTruthy();
    }
  });

  it('shows the running total and refuses to save a total other than 100 %', async () => {
    const create = jest.fn<Promise<CreateResult>, [string, CreateParams]>();
    renderAdmin(<ServiceFundingCreate />, { dataProvider: { getList, create }, resource: 'service-fundings', url: '/service-fundings/create' });
    await fill();

    expect(plain(screen.getByTestId('funding-total').textContent)).toBe('Total : 95 %');
    fireEvent.click(screen.getByRole('button', { name: /Enregistrer/ }));
    expect(plain((await screen.findByRole('alert')).textContent)).toBe('Le total des parts doit être égal à 100 % (actuellement 95 %).');
    expect(create).not.toHaveBeenCalled();
  });

  it('adds decimals exactly and sends the shares as decimal strings once the total is 100 %', async () => {
    const create = jest.fn<Promise<CreateResult>, [string, CreateParams]>(async (_resource, { data }) => ({ data: { id: 'new', ...data } }));
    renderAdmin(<ServiceFundingCreate />, { dataProvider: { getList, create }, resource: 'service-fundings', url: '/service-fundings/create' });
    await fill();
    // 60 + 35 + 4,9 + 0,1 = 100, with a comma as people type it
    fireEvent.change(percent('COMMUNE_CCAS'), { target: { value: '4,9' } });
    fireEvent.change(percent('CAF'), { target: { value: '0.1' } });
    expect(plain(screen.getByTestId('funding-total').textContent)).toBe('Total : 100 %');
    fireEvent.click(screen.getByRole('button', { name: /Enregistrer/ }));

    await waitFor(() =>
      expect(create).toHaveBeenCalledWith(
        'service-fundings',
        expect.objectContaining({
          data: expect.objectContaining({ service: 'AED', year: 2025, shares: { DEPARTEMENT: '0.6', USAGER: '0.35', COMMUNE_CCAS: '0.049', CAF: '0.001' } }),
        }),
      ),
    );
  });
});

describe(ServiceFundingEdit.name, () => {
  it('shows the stored shares as percentages and their total', async () => {
    const getOne = jest.fn<Promise<GetOneResult>, [string, GetOneParams]>(async () => ({ data: plans[0] }));
    renderAdmin(<ServiceFundingEdit id="f1" />, { dataProvider: { getList, getOne }, resource: 'service-fundings', url: '/service-fundings/f1' });

    await waitFor(() => expect((document.querySelector('input[data-payer="DEPARTEMENT"]') as HTMLInputElement | null)?.value).toBe('55'));
    expect((document.querySelector('input[data-payer="USAGER"]') as HTMLInputElement).value).toBe('25');
    expect((document.querySelector('input[data-payer="ETAT"]') as HTMLInputElement).value).toBe('');
    expect(plain(screen.getByTestId('funding-total').textContent)).toBe('Total : 100 %');
  });
});
