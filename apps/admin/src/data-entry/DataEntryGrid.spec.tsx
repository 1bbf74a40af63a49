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
  { id: 'm1', code: 'spend', label: 'Dépenses', unit: '€', minValue: '0' },
  { id: 'm2', code: 'person_months', label: 'Mois-personnes' },
  { id: 'm3', code: 'beneficiaries', label: 'Bénéficiaires', integer: true, minValue: '0' },
  { id: 'm4', code: 'observed.nuitee_hotel_evitee', label: 'Nuitées d’hôtel évitées constatées', integer: true },
];
const expectedMetrics = [
  { id: 'SAAD', service: 'SAAD', slots: ['spend', 'person_months|beneficiaries'], metrics: ['spend', 'person_months', 'beneficiaries'] },
  { id: 'AED', service: 'AED', slots: ['spend', 'person_months'], metrics: ['spend', 'person_months'] },
  { id: 'LOGEMENT', service: 'LOGEMENT', slots: ['spend', 'observed.nuitee_hotel_evitee'], metrics: ['spend', 'observed.nuitee_hotel_evitee'] },
];
const figures = [{ id: 'f1', orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-05', value: '50529.23' }];

type Submission = { id: string; status: string; rowCount: number; processedCount: number; appliedCount: number; errors: unknown[]; flags: unknown[] };
const APPLIED: Submission = { id: 'sub-1', status: 'applied', rowCount: 2, processedCount: 2, appliedCount: 2, errors: [], flags: [] };

const setup = ({ submission = APPLIED, periodStatus = null as string | null } = {}) => {
  const apiPost = jest.fn(async (path: string, _body?: unknown) =>
    path === '/submissions' ? { status: 202, json: { id: 'sub-1' } } : { status: 200, json: {} },
  );
  const apiGet = jest.fn(async (path: string) => {
    if (path.startsWith('/submissions/')) return submission;
    if (path.startsWith('/periods')) return periodStatus ? [{ orgUnit: 'VALMONT-NORD', period: '2024-05', status: periodStatus }] : [];
    return [];
  });
  const getList = jest.fn(async (resource: string) => {
    const data = ({ 'org-units': orgUnits, services, metrics, figures, 'expected-metrics': expectedMetrics } as Record<string, unknown[]>)[resource] ?? [];
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
    expect(screen.getByText('1 valeur à corriger avant d’enregistrer (surlignée en rouge).')).toBeTruthy();
    expect(screen.getByText('Dépenses : nombre attendu, par exemple 1 234,56')).toBeTruthy();
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
    expect(await screen.findByText('Saisie enregistrée : 2 chiffres.')).toBeTruthy();
    expect(screen.queryByText(/fichier|Colonne|Ligne/)).toBeNull();
  });

  it('offers each service only the metrics it expects, and counts the expected figures live while typing', async () => {
    setup();
    expect(await cell('Aide éducative — Mois-personnes')).toBeTruthy();
    // AED expects spend and person-months only: no beneficiaries box, a dash in its place
    expect(screen.queryByRole('textbox', { name: 'Aide éducative — Bénéficiaires' })).toBeNull();
    expect(screen.getByText('Aide éducative — Bénéficiaires : Non attendu pour ce service')).toBeTruthy();
    // the quarterly service's hotel nights are not a column of this month's grid
    expect(screen.queryByRole('columnheader', { name: /Nuitées/ })).toBeNull();
    // SAAD: spend stored (1 of 2 slots), AED: nothing (0 of 2)
    await waitFor(() => expect(screen.getByTestId('grid-count').textContent).toContain('1 chiffre saisi sur 4 attendus'));
    fireEvent.change(await cell('Aide éducative — Dépenses'), { target: { value: '1 200,50' } });
    expect(screen.getByTestId('grid-count').textContent).toContain('2 chiffres saisis sur 4 attendus');
    // either activity measure fills SAAD's activity slot
    fireEvent.change(await cell('Aide à domicile — Bénéficiaires'), { target: { value: '12' } });
    expect(screen.getByTestId('grid-count').textContent).toContain('3 chiffres saisis sur 4 attendus');
    fireEvent.change(await cell('Aide à domicile — Mois-personnes'), { target: { value: '8' } });
    expect(screen.getByTestId('grid-count').textContent).toContain('3 chiffres saisis sur 4 attendus');
  });

  it('checks French decimals before sending and names the cell’s problem in words', async () => {
    const { apiPost } = setup();
    const beneficiaries = await cell('Aide à domicile — Bénéficiaires');
    fireEvent.change(beneficiaries, { target: { value: '12,5' } });
    expect(beneficiaries.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Bénéficiaires doit être un nombre entier')).toBeTruthy();
    fireEvent.change(await cell('Aide éducative — Dépenses'), { target: { value: '-5' } });
    expect(screen.getByText('Dépenses doit valoir au moins 0')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Enregistrer/ })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: /Enregistrer/ }));
    expect(apiPost).not.toHaveBeenCalledWith('/submissions', expect.anything());
  });

  it('puts the server’s refusal on the faulty cell, in the grid’s words, never a file’s', async () => {
    const refused: Submission = {
      id: 'sub-1',
      status: 'rejected',
      rowCount: 2,
      processedCount: 2,
      appliedCount: 0,
      errors: [{ line: 2, column: 'value', value: '999999', message: 'Mois-personnes doit valoir au plus 5 000 : « 999999 » est trop grand.' }],
      flags: [],
    };
    const { apiPost } = setup({ submission: refused });
    fireEvent.change(await cell('Aide à domicile — Dépenses'), { target: { value: '10' } });
    fireEvent.change(await cell('Aide éducative — Mois-personnes'), { target: { value: '999999' } });
    fireEvent.click(screen.getByRole('button', { name: /Enregistrer \(2 modification/ }));
    await waitFor(() => expect(apiPost).toHaveBeenCalledWith('/submissions', expect.objectContaining({ source: 'grid' })));
    const faulty = await cell('Aide éducative — Mois-personnes');
    await waitFor(() => expect(faulty.getAttribute('aria-invalid')).toBe('true'));
    expect((await cell('Aide à domicile — Dépenses')).getAttribute('aria-invalid')).toBe('false');
    expect(screen.getAllByText(/Mois-personnes doit valoir au plus 5 000/).length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText(/Saisie non enregistrée : 1 valeur refusée/)).toBeTruthy();
    expect(screen.getByText(/Aide éducative — Mois-personnes : Mois-personnes doit valoir au plus/)).toBeTruthy();
    expect(screen.queryByText(/Corrigez le fichier|Colonne value|Ligne 2/)).toBeNull();
    // editing the cell clears its refusal
    fireEvent.change(faulty, { target: { value: '12' } });
    expect(faulty.getAttribute('aria-invalid')).toBe('false');
  });

  it('shows an approved period read-only', async () => {
    setup({ periodStatus: 'approved' });
    expect(await screen.findByTestId('grid-approved')).toBeTruthy();
    expect(screen.getByTestId('grid-approved').textContent).toMatch(/Période approuvée : la saisie est en lecture seule/);
    expect((await cell('Aide à domicile — Dépenses')).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: /Enregistrer/ })).toBeNull();
  });

  it('asks for confirmation before submitting the period', async () => {
    const { apiPost } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Soumettre la période' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Soumettre VALMONT-NORD – 2024-05 ?');
    expect(dialog.textContent).toContain('une autre personne que vous devra l’approuver');
    expect(apiPost).not.toHaveBeenCalledWith('/periods/submit', expect.anything());
    fireEvent.click(screen.getByTestId('grid-period-confirm'));
    await waitFor(() => expect(apiPost).toHaveBeenCalledWith('/periods/submit', { orgUnit: 'VALMONT-NORD', period: '2024-05' }));
  });
});
