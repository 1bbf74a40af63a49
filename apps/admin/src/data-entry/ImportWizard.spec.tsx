import { fireEvent, screen } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { ImportWizard } from './ImportWizard';

const bar = () => screen.getByRole('progressbar', { name: 'Avancement du traitement' });

describe(ImportWizard.name, () => {
  it('previews the file, asks to confirm the values it replaces, then follows the apply to the result', async () => {
    const preview = {
      created: 3,
      changed: [
        {
          figureId: 'f-1',
          orgUnit: 'Antenne Valmont Nord',
          service: 'Portage de repas à domicile',
          metric: 'Dépenses',
          period: '2024-01',
          old: '6044.7',
          new: '12345.67',
        },
      ],
      unchanged: 0,
      flagged: [],
      errors: [],
    };
    const previewed = {
      id: 'sub-1',
      status: 'previewed',
      fileName: 'chiffres.csv',
      rowCount: 4,
      processedCount: 4,
      appliedCount: 0,
      errors: [],
      flags: [],
      preview,
    };
    const running = { ...previewed, status: 'validating', progress: { phase: 'applying', percent: 42 } };
    const applied = { ...previewed, status: 'applied', appliedCount: 4, progress: null };
    let round = 0;
    let polls = 0;
    const apiGet = jest.fn(async (path: string) => {
      if (path === '/import-templates') return [{ id: 't-1', name: 'Export comptable mensuel' }];
      if (round === 0) return previewed;
      return polls++ === 0 ? running : applied;
    });
    const apiPost = jest.fn(async (path: string) => {
      if (path.endsWith('/apply')) round = 1;
      return { status: 202, json: { id: 'sub-1', status: 'received' } };
    });
    renderAdmin(<ImportWizard />, { dataProvider: { apiGet, apiPost } as never });

    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File(['a;b\n'], 'chiffres.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Voir l’aperçu' }));
    expect(apiPost).toHaveBeenCalledWith('/submissions?dryRun=true', expect.any(FormData));

    const counts = await screen.findByTestId('preview-counts');
    expect(counts.textContent).toMatch(/^3 nouvelles valeurs, 1 valeur modifiée, 0 inchangée, 0 signalement, 0 erreur\./);
    expect(screen.getByTestId('preview-changes').textContent).toContain('janv. 2024');
    expect(screen.getByTestId('preview-changes').textContent).toContain('6\u202f044,7');

    fireEvent.click(screen.getByTestId('apply-preview'));
    expect((await screen.findByRole('dialog')).textContent).toContain('Ce fichier remplace 1 valeur déjà saisie');
    fireEvent.click(screen.getByTestId('confirm-overwrite'));

    expect(await screen.findByText('Application : 42 %')).toBeTruthy();
    expect(bar().getAttribute('aria-valuenow')).toBe('42');
    expect(await screen.findByText(/Import terminé : 4 chiffre/, undefined, { timeout: 3000 })).toBeTruthy();
    expect(apiPost).toHaveBeenCalledWith('/submissions/sub-1/apply', { confirmOverwrite: true });
  });
});
