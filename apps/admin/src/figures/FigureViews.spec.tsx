import { screen } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { FigureList } from './FigureViews';

const figure = (over: Record<string, unknown>) => ({
  id: 'f-1',
  orgUnit: 'VALMONT-NORD',
  service: 'PORTAGE_REPAS',
  metric: 'spend',
  period: '2024-01',
  value: '6044.7',
  status: 'draft',
  source: 'grid',
  comment: null,
  submissionId: null,
  updatedAt: '2024-02-01T10:00:00.000Z',
  orgUnitLabel: 'Antenne Valmont Nord',
  serviceLabel: 'Portage de repas à domicile',
  metricLabel: 'Dépenses',
  metricUnit: '€',
  updatedBy: null,
  updatedByName: 'Direction financière (démo)',
  ...over,
});

describe(FigureList.name, () => {
  it('reads in words: labels, « janv. 2024 » / « 2024-T4 », money with €, statuses and sources in French', async () => {
    const data = [
      figure({}),
      figure({
        id: 'f-2',
        service: 'LOGEMENT_DABORD',
        metric: 'observed.nuitee_hotel_evitee',
        metricLabel: 'Nuitées d’hôtel évitées constatées',
        metricUnit: 'nuitées',
        period: '2024-Q4',
        value: '1234',
      }),
    ];
    const getList = jest.fn(async () => ({ data, total: data.length }));
    renderAdmin(<FigureList />, { dataProvider: { getList } as never, resource: 'figures', url: '/figures' });
    expect(await screen.findByText('janv. 2024', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('2024-T4')).toBeTruthy();
    expect(document.body.textContent).toContain('6\u202f044,70\u00a0€');
    expect(document.body.textContent).toContain('1\u202f234');
    expect(document.body.textContent).not.toMatch(/1\u202f234,00\u00a0€|PORTAGE_REPAS|2024-Q4|\bspend\b|\bdraft\b|\bgrid\b/);
  });
});
