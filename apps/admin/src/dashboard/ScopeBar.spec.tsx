import { fireEvent, screen, within } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { ScopeBar } from './ScopeBar';

/** What GET /api/org-units answers a user whose roles cover VALMONT-NORD only: its ancestor, flagged out of scope. */
const orgUnits = [
  { id: '1', code: 'VALMONT', name: 'CCAS de Valmont', parentId: null, leaf: false, inScope: false },
  { id: '2', code: 'VALMONT-NORD', name: 'Antenne Valmont Nord', parentId: '1', leaf: true, inScope: true },
];

const setup = () => {
  const onApply = jest.fn();
  const getList = jest.fn(async (resource: string) => {
    const data = resource === 'org-units' ? orgUnits : [];
    return { data, total: data.length };
  });
  renderAdmin(<ScopeBar scope={{ orgUnit: '', from: '2025-01', to: '2025-12' }} onApply={onApply} onReset={jest.fn()} />, {
    dataProvider: { getList } as never,
  });
  return { onApply };
};

describe(ScopeBar.name, () => {
  it('greys out the ancestors outside the user’s roles and lets them pick their own unit', async () => {
    const { onApply } = setup();
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: 'Unité' }));
    const menu = within(await screen.findByRole('listbox'));

    expect(menu.getByRole('option', { name: 'CCAS de Valmont' }).getAttribute('aria-disabled')).toBe('true');
    const own = menu.getByRole('option', { name: '└ Antenne Valmont Nord' });
    expect(own.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(own);
    fireEvent.click(screen.getByRole('button', { name: 'Appliquer' }));

    expect(onApply).toHaveBeenCalledWith({ orgUnit: 'VALMONT-NORD', from: '2025-01', to: '2025-12' });
  });
});
