import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { IndicatorSeries, SeriesItem, SeriesPeriod } from '@levier/contracts';
import type { Scope } from './scope.types';
import { renderAdmin } from '../test-utils/render-admin';
import { SeriesSection } from './SeriesSection';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

const item = (key: string): SeriesItem => ({ key, grossSavings: '1500.00', cost: '1000.00', netSavings: '500.00', offsetRatio: '1.50' });
const period = (key: string, coverage: SeriesPeriod['coverage']): SeriesPeriod => ({
  key,
  coverage,
  status: coverage === 'no_data' ? 'none' : coverage === 'data' ? 'approved' : 'draft',
  complete: coverage === 'data',
  months: 1,
  monthsWithData: coverage === 'no_data' ? 0 : 1,
});

const renderSeries = (series: IndicatorSeries) => {
  const scope: Scope = { orgUnit: 'VALMONT', from: '2026-09', to: '2026-11', basis: 'reported' };
  const getIndicatorSeries = jest.fn(async () => series);
  const getList = jest.fn(async () => ({ data: [], total: 0 }));
  renderAdmin(<SeriesSection scope={scope} />, { dataProvider: { getIndicatorSeries, getList } });
  return { getIndicatorSeries };
};

describe(SeriesSection.name, () => {
  it('lists a month without data as « pas de données » and a draft month as « non approuvé », greyed, never 0 €', async () => {
    renderSeries({
      groupBy: 'period',
      items: [item('2026-09')],
      periods: [period('2026-09', 'data'), period('2026-10', 'unapproved'), period('2026-11', 'no_data')],
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Tableau' }));
    expect(screen.getByTestId('series-gaps').textContent).toBe(
      '1 période non approuvée, sans valeur « tel que publié » (grisée) ; 1 période sans données (grisée, sans valeur).',
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    const text = rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(text.slice(1)).toEqual([
      ['sept. 2026', `1${NNBSP}500,00${NBSP}€`, `1${NNBSP}000,00${NBSP}€`, `500,00${NBSP}€`, `1,50${NBSP}€`],
      ['oct. 2026', 'non approuvé', 'non approuvé', 'non approuvé', 'non approuvé'],
      ['nov. 2026', 'pas de données', 'pas de données', 'pas de données', 'pas de données'],
    ]);
    expect(screen.queryByText(/^0,00/)).toBeNull();
  });

  it('still lists a range whose months are all drafts « tel que publié »: each greyed « non approuvé », with the count', async () => {
    renderSeries({ groupBy: 'period', items: [], periods: [period('2026-10', 'unapproved'), period('2026-11', 'unapproved')] });
    fireEvent.click(await screen.findByRole('tab', { name: 'Tableau' }));
    expect(screen.getAllByTestId('series-cell-unapproved')).toHaveLength(8);
    expect(screen.getByTestId('series-gaps').textContent).toBe('2 périodes non approuvées, sans valeur « tel que publié » (grisées).');
  });

  it('says there is nothing to draw when the API lists no period', async () => {
    renderSeries({ groupBy: 'period', items: [] });
    await waitFor(() => expect(screen.getByText('Aucune série à afficher pour cette période.')).toBeTruthy());
  });
});
