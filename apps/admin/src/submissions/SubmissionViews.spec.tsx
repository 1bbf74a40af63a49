import { screen, waitFor } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { SubmissionShow } from './SubmissionViews';

const ID = '3f2c1a9e-8b7d-4c6e-9f01-23456789abcd';
const preview = {
  created: 1,
  changed: [
    {
      figureId: 'f-1',
      orgUnit: 'Antenne Valmont Nord',
      service: 'Portage de repas à domicile',
      metric: 'Dépenses',
      unit: '€',
      period: '2024-01',
      old: '6044.7',
      new: '12345.67',
    },
    {
      // a metric whose label the admin does not know: money by the unit the API sends, not by the label
      figureId: 'f-2',
      orgUnit: 'Antenne Valmont Nord',
      service: 'Portage de repas à domicile',
      metric: 'Participation des familles',
      unit: '€',
      period: '2024-01',
      old: '10',
      new: '12.5',
    },
    {
      figureId: 'f-3',
      orgUnit: 'Antenne Valmont Nord',
      service: 'Portage de repas à domicile',
      metric: 'Dépenses évitées (nombre de dossiers)',
      unit: 'dossiers',
      period: '2024-01',
      old: '1200',
      new: '1300',
    },
  ],
  unchanged: 2,
  flagged: [{ line: 6, kind: 'outlier', message: 'Valeur inhabituelle : 4 fois l’écart habituel au-dessus de la médiane.' }],
  errors: [],
};
const show = (record: Record<string, unknown>) =>
  renderAdmin(<SubmissionShow id={ID} />, {
    dataProvider: {
      getOne: jest.fn(async () => ({ data: { id: ID, ...record } })),
      getList: jest.fn(async () => ({ data: [], total: 0 })),
    } as never,
    resource: 'submissions',
    url: `/submissions/${ID}/show`,
  });

describe(SubmissionShow.name, () => {
  it('is titled by its file name and date (Paris time), names its author and shows its changes, never its id', async () => {
    show({
      fileName: 'portage-nord-t1-2024.csv',
      source: 'import',
      status: 'applied',
      createdAt: '2024-03-12T09:30:00.000Z',
      createdByName: 'Direction financière (démo)',
      rowCount: 3,
      appliedCount: 3,
      errors: [],
      flags: [],
      preview,
    });
    expect((await screen.findByTestId('submission-title', undefined, { timeout: 5000 })).textContent).toBe('portage-nord-t1-2024.csv — 12 mars 2024, 10:30');
    expect(screen.getByText('Direction financière (démo)')).toBeTruthy();
    // money in the changes reads with its euro sign
    await waitFor(() => expect(screen.getByTestId('preview-changes').textContent).toContain('6\u202f044,7\u00a0€12\u202f345,67\u00a0€'));
    const rows = screen.getAllByRole('row').map((r) => r.textContent ?? '');
    expect(rows.find((r) => r.includes('Participation des familles'))).toContain('10\u00a0€12,5\u00a0€');
    expect(rows.find((r) => r.includes('nombre de dossiers'))).toContain('1\u202f2001\u202f300Historique');
    expect(screen.getByText('Appliquée')).toBeTruthy();
    // a flag's kind in words, never the API's code
    expect(screen.getByTestId('row-flags').textContent).toContain('6Valeur inhabituelleValeur inhabituelle : 4 fois');
    expect(document.body.textContent).not.toMatch(/outlier/);
    expect(document.body.textContent).not.toContain(ID);
  });

  it('names a grid save in words and offers the error report of a refused one', async () => {
    show({
      fileName: null,
      source: 'grid',
      status: 'rejected',
      createdAt: '2024-07-01T08:05:00.000Z',
      createdByName: 'Direction financière (démo)',
      rowCount: 1,
      appliedCount: 0,
      errors: [{ line: 1, column: 'value', value: '12.5', message: 'Bénéficiaires doit être un nombre entier : « 12.5 » a des décimales.' }],
      flags: [],
      preview: null,
    });
    expect((await screen.findByTestId('submission-title', undefined, { timeout: 5000 })).textContent).toBe('Saisie dans la grille — 1 juil. 2024, 10:05');
    expect(screen.getByRole('button', { name: 'Rapport d’erreurs (CSV)' })).toBeTruthy();
    expect(screen.getByText('Aucun aperçu enregistré pour ce dépôt.')).toBeTruthy();
  });
});
