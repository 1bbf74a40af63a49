import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { CreateParams, CreateResult, GetListParams, GetListResult } from 'react-admin';
import { renderAdmin } from '../test-utils/render-admin';
import { BudgetYearCreate, BudgetYearList } from './BudgetYearViews';

/** Rows of `GET /api/budget-years` (apps/api/src/reallocation/budget-year.mapper.ts). */
const budgets = [
  { id: 'b2', year: 2024, section: 'FONCTIONNEMENT', realExpenditure: '12500000.5', source: 'Budget primitif 2024', comment: null },
  { id: 'b1', year: 2023, section: 'FONCTIONNEMENT', realExpenditure: '11800000', source: null, comment: 'Compte administratif' },
];

describe(BudgetYearList.name, () => {
  it('lists the voted budgets by year, in euros, with French headers', async () => {
    const getList = jest.fn<Promise<GetListResult>, [string, GetListParams]>(async () => ({ data: budgets, total: 2 }));
    renderAdmin(<BudgetYearList />, { dataProvider: { getList }, resource: 'budget-years', url: '/budget-years' });

    expect(await screen.findByText('12 500 000,50 €')).toBeTruthy();
    expect(screen.getByText('2024')).toBeTruthy();
    expect(screen.getByText('Dépenses réelles de fonctionnement')).toBeTruthy();
    expect(screen.getByText('Compte administratif')).toBeTruthy();
    // the M57 section in words, never its code
    expect(screen.getAllByText('Fonctionnement')).toHaveLength(2);
    expect(screen.queryByText('FONCTIONNEMENT')).toBeNull();
    expect(getList).toHaveBeenCalledWith('budget-years', expect.objectContaining({ sort: { field: 'year', order: 'DESC' } }));
  });
});

describe(BudgetYearCreate.name, () => {
  const fill = async (amount: string) => {
    fireEvent.change(await screen.findByLabelText(/Année/), { target: { value: '2025' } });
    fireEvent.change(screen.getByLabelText(/Dépenses réelles de fonctionnement/), { target: { value: amount } });
    fireEvent.click(screen.getByRole('button', { name: /Enregistrer/ }));
  };

  it('refuses a zero amount before sending anything', async () => {
    const create = jest.fn<Promise<CreateResult>, [string, CreateParams]>();
    renderAdmin(<BudgetYearCreate />, { dataProvider: { create }, resource: 'budget-years', url: '/budget-years/create' });
    await fill('0');
    expect(await screen.findByText('Montant strictement positif attendu (ex. 12 500 000,50)')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it('sends the year, the operating section and the amount as a decimal string', async () => {
    const create = jest.fn<Promise<CreateResult>, [string, CreateParams]>(async (_resource, { data }) => ({ data: { id: 'new', ...data } }));
    renderAdmin(<BudgetYearCreate />, { dataProvider: { create }, resource: 'budget-years', url: '/budget-years/create' });
    await fill('12800000.25');
    await waitFor(() =>
      expect(create).toHaveBeenCalledWith(
        'budget-years',
        expect.objectContaining({ data: expect.objectContaining({ year: 2025, section: 'FONCTIONNEMENT', realExpenditure: '12800000.25' }) }),
      ),
    );
  });
});
