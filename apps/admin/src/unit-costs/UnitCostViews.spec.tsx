import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { CreateParams, CreateResult, GetOneParams, GetOneResult } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { renderAdmin } from '../test-utils/render-admin';
import { UnitCostCreate, UnitCostEdit, UnitCostShow } from './UnitCostViews';

/** A row of `GET /api/unit-costs/:id` (apps/api/src/methodology/unit-cost.mapper.ts). */
const ehpad = {
  id: 'u1',
  code: 'JOURNEE_EHPAD',
  label: 'Journée en EHPAD, coût total tous financeurs',
  unit: 'jour',
  amount: '101',
  amountLow: '93.56',
  amountHigh: '112.85',
  priceYear: 2013,
  payers: { ASSURANCE_MALADIE: '0.3', DEPARTEMENT: '0.15', USAGER: '0.55' },
  cashableShare: '0.5',
  grade: 2,
  sourceTitle: 'Enquête de coûts en EHPAD (données 2013)',
  sourcePublisher: 'ATIH',
  sourceUrl: 'https://ash.tm.fr/hebdo/2922/cote-cour/en-2013-le-cout-total-dune-place-en-ehpad-est-estime-a-37-043-par-an-408606.php',
  note: 'Bornes = coût annuel / 365.',
  validFrom: null,
  validTo: null,
};

describe(UnitCostShow.name, () => {
  it('shows the range in euros under French labels, the price year and the source as a link', async () => {
    const getOne = jest.fn<Promise<GetOneResult>, [string, GetOneParams]>(async () => ({ data: ehpad }));
    renderAdmin(
      <Routes>
        <Route path="/unit-costs/:id/show" element={<UnitCostShow />} />
      </Routes>,
      { dataProvider: { getOne }, resource: 'unit-costs', url: '/unit-costs/u1/show' },
    );

    expect(await screen.findByText('Montant bas')).toBeTruthy();
    expect(screen.getByText('Montant haut')).toBeTruthy();
    expect(screen.getByText('93,56 €')).toBeTruthy();
    expect(screen.getByText('112,85 €')).toBeTruthy();
    expect(screen.getByText('2013')).toBeTruthy();
    expect(screen.getByText('Bornes = coût annuel / 365.')).toBeTruthy();
    const link = screen.getByRole('link', { name: /Enquête de coûts en EHPAD/ });
    expect(link.getAttribute('href')).toBe(ehpad.sourceUrl);
    expect(link.getAttribute('target')).toBe('_blank');
  });
});

describe(UnitCostCreate.name, () => {
  const fill = async (fields: { amount: string; amountLow?: string; amountHigh?: string; note?: string }) => {
    fireEvent.change(await screen.findByLabelText(/^Code/), { target: { value: 'JOURNEE_FOYER' } });
    fireEvent.change(screen.getByLabelText(/^Libellé/), { target: { value: 'Journée en foyer' } });
    fireEvent.change(screen.getByLabelText(/^Montant \*/), { target: { value: fields.amount } });
    if (fields.amountLow !== undefined) fireEvent.change(screen.getByLabelText(/^Montant bas/), { target: { value: fields.amountLow } });
    if (fields.amountHigh !== undefined) fireEvent.change(screen.getByLabelText(/^Montant haut/), { target: { value: fields.amountHigh } });
    fireEvent.change(screen.getByLabelText(/^Unité/), { target: { value: 'jour' } });
    fireEvent.change(screen.getByLabelText(/^Année de prix/), { target: { value: '2024' } });
    fireEvent.change(screen.getByLabelText(/^Source/), { target: { value: 'Tarif 2024 du foyer' } });
    fireEvent.change(screen.getByLabelText(/^Éditeur/), { target: { value: 'Département' } });
    if (fields.note !== undefined) fireEvent.change(screen.getByLabelText(/^Note/), { target: { value: fields.note } });
    fireEvent.click(screen.getByRole('button', { name: /Enregistrer/ }));
  };
  const render = () => {
    const create = jest.fn<Promise<CreateResult>, [string, CreateParams]>(async (_resource, { data }) => ({ data: { id: 'new', ...data } }));
    renderAdmin(<UnitCostCreate />, { dataProvider: { create }, resource: 'unit-costs', url: '/unit-costs/create' });
    return create;
  };

  it('asks for the high amount when only the low one is given, before sending anything', async () => {
    const create = render();
    await fill({ amount: '100', amountLow: '80' });
    expect(await screen.findByText('Donnez le montant bas et le montant haut ensemble, ou aucun des deux')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses a low amount above the amount, compared as decimals', async () => {
    const create = render();
    // "100.5" > "100.25" although "100.5" sorts before "100.25" as text
    await fill({ amount: '100.25', amountLow: '100.5', amountHigh: '120' });
    expect(await screen.findByText('Le montant bas doit être inférieur ou égal au montant')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses a high amount below the amount', async () => {
    const create = render();
    await fill({ amount: '100', amountLow: '80', amountHigh: '99.99' });
    expect(await screen.findByText('Le montant haut doit être supérieur ou égal au montant')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it('sends the range as decimal strings with the note', async () => {
    const create = render();
    await fill({ amount: '100', amountLow: '80.5', amountHigh: '120', note: 'Bornes : deux foyers voisins.' });
    await waitFor(() =>
      expect(create).toHaveBeenCalledWith(
        'unit-costs',
        expect.objectContaining({
          data: expect.objectContaining({ amount: '100', amountLow: '80.5', amountHigh: '120', note: 'Bornes : deux foyers voisins.', priceYear: 2024 }),
        }),
      ),
    );
  });

  it('reads amounts typed the French way and sends them with a dot, every digit kept', async () => {
    const create = render();
    // a narrow no-break space (as Intl writes French), a plain space, a dot: all read
    await fill({ amount: '1 250,00', amountLow: '1\u202f234,56', amountHigh: '1 300.125' });
    await waitFor(() =>
      expect(create).toHaveBeenCalledWith(
        'unit-costs',
        expect.objectContaining({ data: expect.objectContaining({ amount: '1250.00', amountLow: '1234.56', amountHigh: '1300.125' }) }),
      ),
    );
    expect((screen.getByLabelText(/^Montant \*/) as HTMLInputElement).value).toBe('1250,00');
  });

  it('compares the range on the decimals read from French text', async () => {
    const create = render();
    await fill({ amount: '22,50', amountLow: '1 234,56', amountHigh: '2 000' });
    expect(await screen.findByText('Le montant bas doit être inférieur ou égal au montant')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses an amount that is no number, naming the field in French, and sends nothing', async () => {
    const create = render();
    await fill({ amount: '22,5 €' });
    expect(await screen.findByText('Montant : nombre attendu, par exemple 22,50 ou 1 234,56')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });
});

describe(UnitCostEdit.name, () => {
  it('shows the API’s decimals in French, with all their digits', async () => {
    const getOne = jest.fn<Promise<GetOneResult>, [string, GetOneParams]>(async () => ({ data: { ...ehpad, amount: '22.50', amountLow: '0.000000000001' } }));
    renderAdmin(
      <Routes>
        <Route path="/unit-costs/:id" element={<UnitCostEdit />} />
      </Routes>,
      { dataProvider: { getOne }, resource: 'unit-costs', url: '/unit-costs/u1' },
    );
    await waitFor(() => expect((screen.getByLabelText(/^Montant \*/) as HTMLInputElement).value).toBe('22,50'));
    expect((screen.getByLabelText(/^Montant bas/) as HTMLInputElement).value).toBe('0,000000000001');
    expect((screen.getByLabelText(/^Part encaissable/) as HTMLInputElement).value).toBe('0,5');
  });
});
