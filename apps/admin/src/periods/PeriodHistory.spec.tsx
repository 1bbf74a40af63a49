import { screen } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { renderAdmin } from '../test-utils/render-admin';
import { PeriodHistory } from './PeriodHistory';

describe(PeriodHistory.name, () => {
  it('lists who submitted, approved and reopened the period, when (Paris time) and why', async () => {
    const apiGet = jest.fn(async () => [
      {
        id: '3',
        at: '2024-02-10T15:00:00.000Z',
        action: 'period.reopen',
        actorName: 'Administratrice méthodologie (démo)',
        before: 'approved',
        after: 'reopened',
        reason: 'Dépenses de janvier corrigées',
      },
      {
        id: '2',
        at: '2024-02-05T08:00:00.000Z',
        action: 'period.approve',
        actorName: 'Direction du CCAS (démo)',
        before: 'submitted',
        after: 'approved',
        reason: null,
      },
      {
        id: '1',
        at: '2024-02-02T08:00:00.000Z',
        action: 'period.submit',
        actorName: 'Direction financière (démo)',
        before: null,
        after: 'submitted',
        reason: null,
      },
    ]);
    renderAdmin(
      <RecordContextProvider value={{ id: 'p-1' }}>
        <PeriodHistory />
      </RecordContextProvider>,
      { dataProvider: { apiGet } as never },
    );
    const table = await screen.findByTestId('period-history', undefined, { timeout: 5000 });
    expect(apiGet).toHaveBeenCalledWith('/periods/p-1/history');
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows[0]).toBe('10 févr. 2024, 16:00Administratrice méthodologie (démo)Rouverte (approuvée → rouverte)Dépenses de janvier corrigées');
    expect(rows[1]).toContain('Approuvée (soumise → approuvée)');
    expect(rows[2]).toBe('2 févr. 2024, 09:00Direction financière (démo)Soumise (— → soumise)—');
  });
});
