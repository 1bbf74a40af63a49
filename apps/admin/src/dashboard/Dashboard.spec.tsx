import { fireEvent, screen, within } from '@testing-library/react';
import { HttpError } from 'react-admin';
import type { Scope } from './indicators.types';
import { renderAdmin } from '../test-utils/render-admin';
import { seriesFactory, seriesItemFactory, summaryFactory } from '../test-utils/factories';
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

    expect(await screen.findByTestId('headline-grossSavings-value')).toHaveProperty('textContent', `1${NNBSP}234${NNBSP}567,89${NBSP}€`);
    expect(screen.getByTestId('headline-cost-value').textContent).toBe(`500${NNBSP}000,00${NBSP}€`);
    expect(screen.getByTestId('headline-netSavings-value').textContent).toBe(`734${NNBSP}567,89${NBSP}€`);
    expect(screen.getByTestId('headline-offsetRatio-value').textContent).toBe('2,47');
    const gross = screen.getByRole('region', { name: 'Épargne brute' });
    expect(within(gross).getByText(spaced(`Fourchette : 1${NNBSP}000${NNBSP}000,00${NBSP}€ – 1${NNBSP}500${NNBSP}000,00${NBSP}€`))).toBeTruthy();
    expect(screen.getByText('Pour 1 € investi, 2,47 € évités')).toBeTruthy();
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
    expect(screen.getByTestId('scope-summary').textContent).toBe('Périmètre : CCAS-VAL, de 2025-Q1 à 2025-Q4');
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

describe('Comment est-ce calculé ?', () => {
  const explanation = {
    indicator: 'grossSavings',
    formula: 'Épargne brute = Σ valeur actualisée des coûts évités.',
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

    const dialog = await screen.findByRole('dialog', { name: /Comment est-ce calculé \? — Épargne brute/ });
    expect(await within(dialog).findByText('Épargne brute = Σ valeur actualisée des coûts évités.')).toBeTruthy();
    expect(getIndicatorExplain.mock.calls[0]).toEqual([expect.objectContaining({ orgUnit: 'VALMONT-NORD' }), 'grossSavings', expect.anything()]);
    expect(within(dialog).getByText('janv. 2024')).toBeTruthy();
    expect(within(dialog).getByText('Justification : Six mois gagnés.')).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: /CNSA/ }).getAttribute('href')).toBe('https://www.cnsa.fr');
    expect(within(dialog).getByText('2023')).toBeTruthy();
    expect(within(dialog).getByTestId('explain-differs')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Télécharger ce calcul' })).toBeTruthy();
  });
});
