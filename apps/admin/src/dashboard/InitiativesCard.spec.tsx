import { screen, within } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { InitiativesCard, type InitiativesSummary } from './InitiativesCard';

/** The shape of `GET /api/initiatives/summary` (apps/api/src/initiatives/initiative.mapper.ts). */
const summary: InitiativesSummary = {
  byStatus: [
    { status: 'idea', label: 'Idée', count: 1 },
    { status: 'testing', label: 'En test', count: 2 },
    { status: 'adopted', label: 'Adoptée', count: 1 },
    { status: 'abandoned', label: 'Abandonnée', count: 0 },
  ],
  count: 4,
  hours: '7.3',
  euros: '1000.30',
};
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

describe(InitiativesCard.name, () => {
  it('counts the initiatives by status in words and shows the hours and euros the API summed, for the scope’s unit', async () => {
    const apiGet = jest.fn(async () => summary);
    renderAdmin(<InitiativesCard scope={{ orgUnit: 'VALMONT-NORD' }} />, { dataProvider: { apiGet } as never });

    expect(await screen.findByText('4 initiatives')).toBeTruthy();
    expect(apiGet).toHaveBeenCalledWith('/initiatives/summary?orgUnit=VALMONT-NORD', expect.anything());
    const cells = (status: string) =>
      within(screen.getByTestId(`initiatives-status-${status}`))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells('testing')).toEqual(['En test', '2']);
    expect(cells('abandoned')).toEqual(['Abandonnée', '0']);
    // the API's decimal text, formatted, never re-added here: 7.3 h and 1 000,30 €
    expect(plain(screen.getByTestId('initiatives-hours').textContent)).toBe('Heures mobilisées7,3');
    expect(plain(screen.getByTestId('initiatives-euros').textContent)).toBe('Euros mobilisés1 000,30 €');
    expect(screen.getByRole('link', { name: 'Voir le registre des initiatives' }).getAttribute('href')).toBe('/initiatives');
  });

  it('asks for the whole caller’s scope when no unit is chosen, and says when there is nothing', async () => {
    const apiGet = jest.fn(async () => ({ ...summary, byStatus: summary.byStatus.map((s) => ({ ...s, count: 0 })), count: 0, hours: '0', euros: '0.00' }));
    renderAdmin(<InitiativesCard scope={{ orgUnit: '' }} />, { dataProvider: { apiGet } as never });
    expect(await screen.findByText('Aucune initiative déclarée dans ce périmètre.')).toBeTruthy();
    expect(apiGet).toHaveBeenCalledWith('/initiatives/summary', expect.anything());
  });

  it('says so in French when the summary cannot be read', async () => {
    const apiGet = jest.fn(async () => {
      throw Object.assign(new Error('boom'), { status: 500 });
    });
    renderAdmin(<InitiativesCard scope={{ orgUnit: 'VALMONT' }} />, { dataProvider: { apiGet } as never });
    expect(await screen.findByText('Les initiatives n’ont pas pu être chargées.')).toBeTruthy();
  });
});
