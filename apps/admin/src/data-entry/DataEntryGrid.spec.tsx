import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { DataEntryGrid } from './DataEntryGrid';

const orgUnits = [
  { id: '1', code: 'VALMONT', name: 'CCAS de Valmont', parentId: null },
  { id: '2', code: 'VALMONT-NORD', name: 'Antenne Valmont Nord', parentId: '1', leaf: true },
];
const services = [
  { id: 's1', code: 'SAAD', label: 'Aide à domicile', granularity: 'month', orgUnits: ['VALMONT-NORD'] },
  { id: 's2', code: 'AED', label: 'Aide éducative', granularity: 'month', orgUnits: ['VALMONT-NORD'] },
  { id: 's3', code: 'LOGEMENT', label: 'Logement d’abord', granularity: 'quarter', orgUnits: ['VALMONT-NORD'] },
];
const metrics = [
  { id: 'm1', code: 'spend', label: 'Dépenses', unit: '€' },
  { id: 'm2', code: 'person_months', label: 'Mois-personnes' },
];
const figures = [{ id: 'f1', orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-05', value: '50529.23' }];

const setup = () => {
  const apiPost = jest.fn(async (path: string, _body?: unknown) =>
    path === '/submissions' ? { status: 202, json: { id: 'sub-1' } } : { status: 200, json: {} },
  );
  const apiGet = jest.fn(async (path: string) => {
    if (path.startsWith('/submissions/')) return { id: 'sub-1', status: 'applied', rowCount: 2, processedCount: 2, appliedCount: 2, errors: [], flags: [] };
    if (path.startsWith('/completeness')) return { expected: 7, entered: 1 };
    return [];
  });
  const getList = jest.fn(async (resource: string) => {
    const data = ({ 'org-units': orgUnits, services, metrics, figures } as Record<string, unknown[]>)[resource] ?? [];
    return { data, total: data.length };
  });
  const dataProvider = { getList, apiGet, apiPost } as never;
  const finance = {
    getPermissions: async () => [{ role: 'finance', orgUnit: null }],
    checkAuth: async () => undefined,
    login: async () => undefined,
    logout: async () => undefined,
    checkError: async () => undefined,
  };
  renderAdmin(<DataEntryGrid />, { dataProvider, authProvider: finance, url: '/saisie?orgUnit=VALMONT-NORD&period=2024-05' });
  return { apiPost };
};

const cell = (name: string) => screen.findByRole('textbox', { name }) as Promise<HTMLInputElement>;

describe(DataEntryGrid.name, () => {
  it('shows the services of the period’s frequency × metrics, with stored values in French', async () => {
    setup();
    expect((await cell('Aide à domicile — Dépenses')).value).toBe('50\u202f529,23');
    expect(screen.queryByRole('textbox', { name: /Logement/ })).toBeNull();
    expect(screen.getByText(/Saisis sur une autre périodicité .*Logement d’abord/)).toBeTruthy();
  });

  it('moves with arrows and Enter', async () => {
    setup();
    const saadSpend = await cell('Aide à domicile — Dépenses');
    saadSpend.focus();
    fireEvent.keyDown(saadSpend, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(await cell('Aide éducative — Dépenses'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(await cell('Aide éducative — Mois-personnes'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(await cell('Aide à domicile — Mois-personnes'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    expect(document.activeElement).toBe(await cell('Aide éducative — Mois-personnes'));
  });

  it('pastes an Excel block from the active cell, flags a bad number and saves a grid submission', async () => {
    const { apiPost } = setup();
    const start = await cell('Aide à domicile — Dépenses');
    fireEvent.paste(start, { clipboardData: { getData: () => '1 234,50\t12\r\ndouze\t3\r\n' } });
    expect((await cell('Aide à domicile — Mois-personnes')).value).toBe('12');
    expect((await cell('Aide éducative — Dépenses')).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/1 cellule\(s\) ne contiennent pas un nombre valide/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Enregistrer/ })).toHaveProperty('disabled', true);

    fireEvent.change(await cell('Aide éducative — Dépenses'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: /Enregistrer \(4 modification/ }));

    await waitFor(() => expect(apiPost).toHaveBeenCalledWith('/submissions', expect.objectContaining({ source: 'grid' })));
    const body = apiPost.mock.calls.find((c) => c[0] === '/submissions')?.[1] as unknown as { figures: unknown[] };
    expect(body.figures).toEqual(
      expect.arrayContaining([
        { orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-05', value: '1234.5' },
        { orgUnit: 'VALMONT-NORD', service: 'AED', metric: 'spend', period: '2024-05', value: '7' },
      ]),
    );
    expect(await screen.findByText(/Import terminé : 2 chiffre/)).toBeTruthy();
  });
});
