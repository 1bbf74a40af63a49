import { fireEvent, screen, within } from '@testing-library/react';
import { HttpError } from 'react-admin';
import type { Scope } from './scope.types';
import { renderAdmin } from '../test-utils/render-admin';
import { seriesFactory, seriesItemFactory, summaryConventions2Factory, summaryFactory } from '../test-utils/factories';
import { Dashboard } from './Dashboard';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
/** Testing Library collapses whitespace, no-break spaces included, when matching text. */
const spaced = (text: string): string => text.replace(/[\u202f\u00a0]/g, ' ');

const providers = (overrides: { summary?: () => Promise<unknown>; series?: () => Promise<unknown> } = {}) => {
  const getIndicatorSummary = jest.fn<Promise<unknown>, [Scope]>(overrides.summary ?? (async () => summaryFactory()));
  const getIndicatorSeries = jest.fn<Promise<unknown>, [Scope, string]>(overrides.series ?? (async () => seriesFactory()));
  return { getIndicatorSummary, getIndicatorSeries };
};

// jsdom lays nothing out: give recharts' ResponsiveContainer a size to draw into.
let rectSpy: jest.SpyInstance;
beforeAll(() => {
  rectSpy = jest
    .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
    .mockReturnValue({ width: 800, height: 340, top: 0, left: 0, right: 800, bottom: 340, x: 0, y: 0, toJSON: () => ({}) });
});
afterAll(() => rectSpy.mockRestore());

describe(Dashboard.name, () => {
  it('shows the headline in French money and ratio formats with their ranges', async () => {
    renderAdmin(<Dashboard />, { dataProvider: providers(), url: '/?orgUnit=CCAS-VAL&from=2025-01&to=2025-12' });

    expect(await screen.findByTestId('headline-grossSavings-value')).toHaveProperty('textContent', `1,23${NBSP}M€`);
    expect(screen.getByTestId('headline-grossSavings-exact').textContent).toContain(`Valeur exacte : 1${NNBSP}234${NNBSP}567,89${NBSP}€`);
    expect(screen.getByTestId('headline-cost-value').textContent).toBe(`500${NBSP}k€`);
    expect(screen.getByTestId('headline-netSavings-value').textContent).toBe(`735${NBSP}k€`);
    expect(screen.getByTestId('headline-offsetRatio-value').textContent).toBe(`2,47${NBSP}€`);
    const gross = screen.getByRole('region', { name: 'Coûts évités (bruts)' });
    expect(within(gross).getByText(spaced(`Fourchette : 1${NBSP}M€ – 1,5${NBSP}M€`))).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Coût des services' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Épargne médico-sociale nette' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Coûts évités pour 1 € investi' })).toBeTruthy();
    expect(screen.getByText(spaced(`Pour 1 € investi, 2,47${NBSP}€ évités`))).toBeTruthy();
    // Conventions 1: the events are one sum (as the engine gives it), shown as a count, never with 6 decimals.
    expect(screen.getByTestId('detail-eventsNet').textContent).toBe('13');
    fireEvent.click(within(screen.getByTestId('payers')).getByRole('tab', { name: 'Tableau' }));
    expect(within(screen.getByTestId('payers')).getByText('Assurance maladie')).toBeTruthy();
    expect(screen.getByTestId('freshness').textContent).toContain('Méthodologie 2026.1');
  });

  it('asks the API for the scope in the URL', async () => {
    const dataProvider = providers();
    renderAdmin(<Dashboard />, { dataProvider, url: '/?orgUnit=CCAS-VAL&from=2025-Q1&to=2025-Q4' });

    await screen.findByTestId('headline-grossSavings-value');
    expect(dataProvider.getIndicatorSummary.mock.calls.map((c) => c[0])).toContainEqual({ orgUnit: 'CCAS-VAL', from: '2025-Q1', to: '2025-Q4' });
    expect(dataProvider.getIndicatorSeries.mock.calls[0].slice(0, 2)).toEqual([{ orgUnit: 'CCAS-VAL', from: '2025-Q1', to: '2025-Q4' }, 'period']);
    // the range in words, never « de 2025-Q1 à 2025-Q4 »
    expect(screen.getByTestId('scope-summary').textContent).toBe('Périmètre : CCAS-VAL, de 1er trimestre 2025 à 4e trimestre 2025');
  });

  it('opens on the last complete year the API names, and says a newer month is incomplete and a draft', async () => {
    const months = [
      ...Array.from({ length: 12 }, (_, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}`, hasData: true, complete: true, status: 'draft' })),
      { period: '2025-01', hasData: true, complete: false, status: 'draft' },
    ];
    const apiGet = jest.fn(async () => ({
      orgUnit: 'VALMONT',
      orgUnitName: 'CCAS de Valmont',
      months,
      defaultScope: { from: '2024-01', to: '2024-12', reason: 'complete_year' },
      latestMonth: '2025-01',
      lastCompleteMonth: '2024-12',
    }));
    const dataProvider = { ...providers(), apiGet };
    renderAdmin(<Dashboard />, { dataProvider });

    await screen.findByTestId('headline-grossSavings-value');
    expect(screen.getByTestId('scope-summary').textContent).toBe("Périmètre : toute l'organisation, année 2024");
    expect(dataProvider.getIndicatorSummary.mock.calls.map((c) => c[0])).toContainEqual({ orgUnit: '', from: '2024-01', to: '2024-12' });
    expect(screen.getByTestId('periods-notice-newer').textContent).toBe('Plus récent, hors de la période affichée : janvier 2025');
    expect(screen.getByTestId('periods-notice-unapproved').textContent).toContain('12 mois pas encore approuvés');
  });

  it('explains a blank ratio instead of showing zero', async () => {
    renderAdmin(<Dashboard />, { dataProvider: providers({ summary: async () => summaryFactory({ offsetRatio: null, cost: null, netSavings: null }) }) });

    expect((await screen.findByTestId('headline-offsetRatio-value')).textContent).toBe('—');
    expect(screen.getByText('Non calculé : le coût est nul ou manquant sur ce périmètre.')).toBeTruthy();
  });

  it('says a masked headline is masked (statistical secrecy), not missing and not zero', async () => {
    const masked = summaryFactory({
      grossSavings: null,
      cost: null,
      netSavings: null,
      offsetRatio: null,
      byPayer: {},
      ranges: { low: null, high: null },
      masked: true,
    });
    renderAdmin(<Dashboard />, { dataProvider: providers({ summary: async () => masked }) });

    expect((await screen.findByTestId('headline-grossSavings-value')).textContent).toBe('masqué (moins de 5 bénéficiaires)');
    expect(screen.getByTestId('headline-offsetRatio-value').textContent).toBe('masqué (moins de 5 bénéficiaires)');
    expect(screen.queryByText(/Non calculé/)).toBeNull();
    expect(screen.queryByText(/Aucune donnée pour ce périmètre/)).toBeNull();
  });

  it('shows a clear French message, not a crash, when the indicators endpoint is missing', async () => {
    // react-admin logs every failed data provider call; expected here.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const notFound = async () => {
      throw new HttpError('Cannot GET /api/indicators/summary', 404, {});
    };
    renderAdmin(<Dashboard />, { dataProvider: providers({ summary: notFound, series: notFound }) });

    expect(await screen.findByText('Indicateurs indisponibles')).toBeTruthy();
    // The headline says so with the detail, the charts say the feature is not there; the page is still there.
    expect(screen.getAllByText(/Détail : Cannot GET \/api\/indicators\/summary/)).toHaveLength(1);
    expect((await screen.findAllByText('Cette fonction n’est pas encore disponible sur ce serveur.')).length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { name: 'Épargne médico-sociale' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
    consoleError.mockRestore();
  });

  it('offers the series as a table, with French values', async () => {
    renderAdmin(<Dashboard />, {
      dataProvider: providers({
        series: async () => seriesFactory([seriesItemFactory({ key: '2025-02', grossSavings: '120000.5', low: '90000', high: '150000' }), seriesItemFactory()]),
      }),
    });

    await screen.findByTestId('series');
    fireEvent.click(await within(screen.getByTestId('series')).findByRole('tab', { name: 'Tableau' }));

    const table = screen.getByRole('table', { name: /par période/ });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => within(r).queryByRole('rowheader')?.textContent)).toEqual([undefined, 'janv. 2025', 'févr. 2025']);
    expect(within(rows[2]).getByText(spaced(`120${NNBSP}000,50${NBSP}€`))).toBeTruthy();
    expect(within(rows[2]).getByText(spaced(`150${NNBSP}000,00${NBSP}€`))).toBeTruthy();
  });

  it('draws the chart by default without crashing', async () => {
    renderAdmin(<Dashboard />, { dataProvider: providers() });

    expect(await screen.findByRole('img', { name: /de janv\. 2025 à févr\. 2025/ })).toBeTruthy();
  });

  it('says when the series is empty', async () => {
    renderAdmin(<Dashboard />, { dataProvider: providers({ series: async () => seriesFactory([]) }) });

    expect(await screen.findByText('Aucune série à afficher pour cette période.')).toBeTruthy();
  });

  it('refuses a malformed period in the scope bar', async () => {
    renderAdmin(<Dashboard />, { dataProvider: providers() });

    fireEvent.change(await screen.findByLabelText('Du (période)'), { target: { value: '2025-13' } });

    expect(screen.getByText('Période attendue : 2026, 2026-Q1 ou 2026-03')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Appliquer' })).toHaveProperty('disabled', true);
  });

  it('does not offer an ancestor outside the user’s roles in the drill-down, only as greyed text', async () => {
    // GET /api/org-units for a user whose roles cover VALMONT-NORD only (see test/e2e/org-units-scope.e2e-spec.ts).
    const orgUnits = [
      { id: '1', code: 'VALMONT', name: 'CCAS de Valmont', parentId: null, leaf: false, inScope: false },
      { id: '2', code: 'VALMONT-NORD', name: 'Antenne Valmont Nord', parentId: '1', leaf: false, inScope: true },
      { id: '3', code: 'NORD-EST', name: 'Équipe Nord-Est', parentId: '2', leaf: true, inScope: true },
    ];
    const getList = jest.fn(async (resource: string) => (resource === 'org-units' ? { data: orgUnits, total: 3 } : { data: [], total: 0 }));
    renderAdmin(<Dashboard />, { dataProvider: { ...providers(), getList } as never, url: '/?orgUnit=VALMONT-NORD&from=2025-01&to=2025-12' });

    const drill = within(await screen.findByTestId('drill-down'));
    expect(drill.getByText('CCAS de Valmont').tagName).not.toBe('BUTTON');
    expect(drill.queryByRole('button', { name: 'CCAS de Valmont' })).toBeNull();
    expect(drill.getByRole('button', { name: 'Équipe Nord-Est' })).toBeTruthy();
    fireEvent.click(drill.getByRole('button', { name: 'Toute l’organisation' }));
    expect((await screen.findByRole('button', { name: 'CCAS de Valmont' })).getAttribute('aria-disabled')).toBe('true');
  });
});

describe('Dashboard under conventions 2 (public money first, households apart)', () => {
  const ledgerItems = [
    { key: 'ASSURANCE_MALADIE', amount: '620000.00', low: '500000.00', high: '750000.00', cost: '0.00', net: '620000.00' },
    { key: 'DEPARTEMENT', amount: '227325.45', low: null, high: null, cost: '525000.00', net: '-297674.55' },
    { key: 'COMMUNE_CCAS', amount: '0.00', low: null, high: null, cost: '900000.00', net: '-900000.00' },
    { key: 'USAGER', amount: '692084.67', low: null, high: null, cost: '248272.00', net: '443812.67' },
  ];
  const conventions2 = () => {
    const getIndicatorSummary = jest.fn(async () => summaryConventions2Factory());
    const getIndicatorSeries = jest.fn(async (_scope: Scope, groupBy: string) =>
      groupBy === 'service'
        ? {
            groupBy: 'service',
            items: [
              seriesItemFactory({ key: 'SAAD', label: 'Aide à domicile (SAAD)', grossSavings: '900000', cost: '700000', netSavings: '200000' }),
              seriesItemFactory({
                key: 'PORTAGE_REPAS',
                label: 'Portage de repas',
                grossSavings: '2500',
                cost: '283000',
                netSavings: '-280500',
                note: 'Service de lien social : ses effets sur la santé ne sont pas chiffrés faute d’étude.',
              }),
            ],
          }
        : seriesFactory(),
    );
    const getIndicatorPayers = jest.fn(async () => ledgerItems);
    return { getIndicatorSummary, getIndicatorSeries, getIndicatorPayers };
  };

  it('shows the public figures first, with the all-payers figure and « dont ménages » beside them', async () => {
    renderAdmin(<Dashboard />, { dataProvider: conventions2() as never, url: '/?orgUnit=VALMONT&from=2024&to=2024' });

    const avoided = await screen.findByRole('region', { name: 'Coûts évités pour les finances publiques' });
    expect(within(avoided).getByTestId('headline-grossSavings-value').textContent).toBe(`847${NBSP}k€`);
    expect(within(avoided).getByTestId('headline-grossSavings-all-payers').textContent).toBe(
      `Tous payeurs, ménages compris : 1,54${NBSP}M€ — dont ménages : 692${NBSP}k€`,
    );
    expect(within(avoided).getByTestId('headline-grossSavings-exact').textContent).toContain(`847${NNBSP}325,45${NBSP}€`);
    const cost = screen.getByRole('region', { name: 'Coût public des services' });
    expect(within(cost).getByText(spaced(`Tous payeurs, ménages compris : 1,67${NBSP}M€ — dont ménages : 248${NBSP}k€`))).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Épargne médico-sociale nette (finances publiques)' })).toBeTruthy();
    const ratio = screen.getByRole('region', { name: 'Coûts évités pour 1 € public investi' });
    expect(within(ratio).getByTestId('headline-offsetRatio-value').textContent).toBe(`0,59${NBSP}€`);
    expect(screen.getByTestId('public-first')).toBeTruthy();
  });

  it('lists events per kind by their labels, and says why there is no cost per event', async () => {
    renderAdmin(<Dashboard />, { dataProvider: conventions2() as never, url: '/?orgUnit=VALMONT&from=2024&to=2024' });

    const events = await screen.findByTestId('events-by-kind');
    expect(
      within(events)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([`Nuitée d’hôtel évitée${NBSP}: 732`, `Entrée en EHPAD retardée${NBSP}: 12`, `Placement d’enfant évité${NBSP}: 2,5`]);
    expect(screen.queryByTestId('detail-eventsNet')).toBeNull();
    expect(screen.getByTestId('detail-costPerEventAvoided').textContent).toBe('non calculé : plusieurs types d’événements');
    expect(within(screen.getByTestId('sensitivity')).getByText(/Prix de journée en EHPAD : de/)).toBeTruthy();
  });

  it('turns « Qui économise ? » into « Qui paie, qui économise ? », payers in words, a negative net shown as such', async () => {
    renderAdmin(<Dashboard />, { dataProvider: conventions2() as never, url: '/?orgUnit=VALMONT&from=2024&to=2024' });

    const payers = await screen.findByTestId('payers');
    expect(within(payers).getByRole('heading', { name: 'Qui paie, qui économise ?' })).toBeTruthy();
    expect(await within(payers).findByRole('img', { name: /barres divergentes/ })).toBeTruthy();
    expect(within(payers).getByTestId('payers-negative').textContent).toContain('Commune / CCAS');
    fireEvent.click(within(payers).getByRole('tab', { name: 'Tableau' }));
    const table = within(payers).getByRole('table', { name: /coûts évités, coût des services supporté et solde net/ });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => within(r).queryByRole('rowheader')?.textContent)).toEqual([
      undefined,
      'Assurance maladie',
      'Ménages (usagers)',
      'Département',
      'Commune / CCAS',
    ]);
    expect(within(rows[4]).getByText(spaced(`-900${NNBSP}000,00${NBSP}€ (solde négatif)`))).toBeTruthy();
  });

  it('shows a service’s note under its line, and never a raw code on the page', async () => {
    const { container } = renderAdmin(<Dashboard />, { dataProvider: conventions2() as never, url: '/?orgUnit=VALMONT&from=2024&to=2024' });

    const services = await screen.findByTestId('by-service');
    expect(await within(services).findByText(/Service de lien social/)).toBeTruthy();
    fireEvent.click(within(services).getByRole('tab', { name: 'Tableau' }));
    expect(within(services).getByTestId('row-note-PORTAGE_REPAS').textContent).toBe(
      'Note : Service de lien social : ses effets sur la santé ne sont pas chiffrés faute d’étude.',
    );
    await screen.findByTestId('events-by-kind');
    for (const code of ['COMMUNE_CCAS', 'ASSURANCE_MALADIE', 'USAGER', 'ENTREE_EHPAD', 'NUITEE_HOTEL']) expect(container.textContent).not.toContain(code);
    expect(container.textContent).not.toMatch(/[ée]pargne (brute|nette)|taux de compensation/i);
  });
});

describe('Comment est-ce calculé ?', () => {
  const explanation = {
    indicator: 'grossSavings',
    formula: 'Coûts évités (bruts) = Σ valeur actualisée des coûts évités.',
    methodology: { version: 1, label: 'Méthode 2024', effectiveFrom: '2024-01-01', parameters: { discountRate: '0.032' } },
    inputs: [{ service: 'SAAD', period: '2024-01', metric: 'spend', value: '51072.45' }],
    assumptions: [
      {
        service: 'SAAD',
        code: 'ENTREE_EHPAD',
        label: 'Entrée en EHPAD retardée',
        parameters: { rateWithout: '0.30' },
        justification: 'Six mois gagnés.',
        evidence: 'Démonstration.',
      },
    ],
    unitCosts: [
      {
        code: 'JOURNEE_EHPAD',
        label: 'Journée en EHPAD',
        unit: 'jour',
        amount: '65.5',
        priceYear: 2023,
        cashableShare: '0.5',
        source: { title: 'CNSA', publisher: 'CNSA', url: 'https://www.cnsa.fr' },
      },
    ],
    values: { current: '1000', reported: '900', differs: true },
    computedAt: '2026-02-01T10:00:00Z',
    dataAsOf: '2026-01-31T08:00:00Z',
  };

  it('opens from a headline card with formula, inputs with periods, assumptions, unit costs and both values', async () => {
    const getIndicatorExplain = jest.fn(async () => explanation);
    renderAdmin(<Dashboard />, { dataProvider: { ...providers(), getIndicatorExplain } as never, url: '/?orgUnit=VALMONT-NORD&from=2024-01&to=2024-03' });

    fireEvent.click(await screen.findByTestId('explain-grossSavings'));

    const dialog = await screen.findByRole('dialog', { name: /Comment est-ce calculé \? — Coûts évités \(bruts\)/ });
    expect(await within(dialog).findByText('Coûts évités (bruts) = Σ valeur actualisée des coûts évités.')).toBeTruthy();
    expect(getIndicatorExplain.mock.calls[0]).toEqual([expect.objectContaining({ orgUnit: 'VALMONT-NORD' }), 'grossSavings', expect.anything()]);
    expect(within(dialog).getByText('janv. 2024')).toBeTruthy();
    expect(within(dialog).getByText('Justification : Six mois gagnés.')).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: /CNSA/ }).getAttribute('href')).toBe('https://www.cnsa.fr');
    expect(within(dialog).getByText('2023')).toBeTruthy();
    expect(within(dialog).getByTestId('explain-differs')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Télécharger ce calcul' })).toBeTruthy();
  });
});
