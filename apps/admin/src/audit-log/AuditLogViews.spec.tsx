import { screen } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { AuditLogList } from './AuditLogViews';

const entries = [
  {
    id: '2',
    at: '2024-03-12T09:30:00.000Z',
    actorName: 'Direction financière (démo)',
    actorEmail: 'finance@valmont.demo',
    action: 'figure.upsert',
    entity: 'figure',
    entityId: 'f-1',
    before: { value: '6044.7' },
    after: { value: '12345.67', orgUnit: 'VALMONT-NORD', period: '2024-01' },
    reason: null,
  },
  {
    id: '1',
    at: '2024-03-11T09:30:00.000Z',
    actorName: 'Administratrice méthodologie (démo)',
    actorEmail: 'admin@valmont.demo',
    action: 'period.reopen',
    entity: 'period_status',
    entityId: 'VALMONT-NORD/2024-01',
    before: { status: 'approved' },
    after: { status: 'reopened', orgUnit: 'VALMONT-NORD', period: '2024-01' },
    reason: 'Erreur de saisie sur les dépenses',
  },
];

describe(AuditLogList.name, () => {
  it('shows who did what, on which unit and period, in words, with the filters by unit, period and user', async () => {
    const getList = jest.fn(async (resource: string) => {
      const data =
        resource === 'audit-log'
          ? entries
          : resource === 'org-units'
            ? [{ id: 'u1', code: 'VALMONT-NORD', name: 'Antenne Valmont Nord' }]
            : [{ id: 'u-1', displayName: 'Direction financière (démo)' }];
      return { data, total: data.length };
    });
    renderAdmin(<AuditLogList />, {
      dataProvider: { getList, getMany: jest.fn(async () => ({ data: [] })) } as never,
      resource: 'audit-log',
      url: '/audit-log',
    });
    expect(await screen.findByText('Période rouverte', undefined, { timeout: 5000 })).toBeTruthy();
    expect(document.body.textContent).toContain('Antenne Valmont Nord · janv. 2024 · 6\u202f044,7 → 12\u202f345,67');
    expect(screen.getByText('Saisie ou correction d’un chiffre')).toBeTruthy();
    expect(screen.getByText('Antenne Valmont Nord · janv. 2024 · approuvée → rouverte')).toBeTruthy();
    expect(screen.getByText('Erreur de saisie sur les dépenses')).toBeTruthy();
    expect(screen.getByText('Direction financière (démo)')).toBeTruthy();
    expect(screen.getAllByText('Unité (et ses sous-unités)').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Utilisateur').length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(/figure\.upsert|period_status/);
  });
});
