import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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
          unit: '€',
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

  it('offers a mapping step after a file whose columns were not found, sends the mapping and saves it as a template', async () => {
    const rejected = {
      id: 'sub-1',
      status: 'rejected',
      fileName: 'suivi.csv',
      rowCount: 0,
      processedCount: 0,
      appliedCount: 0,
      errors: [{ line: 1, column: null, value: null, message: 'Colonnes obligatoires introuvables : indicateur, période.' }],
      flags: [],
    };
    const apiGet = jest.fn(async (path: string) => (path === '/import-templates' ? [] : rejected));
    const apiPost = jest.fn(async (_path: string, _body: unknown) => ({ status: 202, json: { id: 'sub-1', status: 'received' } }));
    renderAdmin(<ImportWizard />, { dataProvider: { apiGet, apiPost } as never });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File(['a;b\n'], 'suivi.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Voir l’aperçu' }));
    fireEvent.click(await screen.findByTestId('retry-with-mapping', undefined, { timeout: 5000 }));

    const form = await screen.findByTestId('column-mapping');
    expect(screen.getByText('suivi.csv', { exact: false })).toBeTruthy(); // the file is kept
    for (const [label, header] of [
      ['Colonne de l’unité', 'Antenne'],
      ['Colonne du service', 'Prestation'],
      ['Colonne de l’indicateur', 'Donnée'],
      ['Colonne de la période', 'Mois'],
      ['Colonne de la valeur', 'Montant'],
    ]) {
      fireEvent.change(within(form).getByRole('textbox', { name: label }), { target: { value: header } });
    }
    fireEvent.change(within(form).getByRole('textbox', { name: 'Lignes à ignorer' }), { target: { value: '14, 15' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Enregistrer comme modèle d’import (facultatif)' }), { target: { value: 'Suivi mensuel DAF' } });
    fireEvent.click(screen.getByRole('button', { name: 'Voir l’aperçu' }));

    const mapping = {
      layout: 'long',
      columns: { orgUnit: 'Antenne', service: 'Prestation', metric: 'Donnée', period: 'Mois', value: 'Montant' },
      skipLines: [14, 15],
    };
    await waitFor(() => expect(apiPost).toHaveBeenCalledWith('/import-templates', { name: 'Suivi mensuel DAF', mapping }));
    const sent = apiPost.mock.calls.filter((c) => c[0] === '/submissions?dryRun=true')[1][1] as FormData;
    expect(JSON.parse(String(sent.get('mapping')))).toEqual(mapping);
  });

  it('reads the file’s own headers for the mapping step: its lines, the header line, each column chosen among its titles', async () => {
    const inspection = {
      fileName: 'export-metier.csv',
      format: 'csv',
      sheets: [
        {
          name: null,
          headerLine: 3,
          detected: null,
          headers: ['Site', 'Prestation', 'Mesure', 'Mois', 'Montant'],
          firstLines: [
            { line: 1, cells: ['Tableau de bord du CCAS'] },
            { line: 2, cells: [''] },
            { line: 3, cells: ['Site', 'Prestation', 'Mesure', 'Mois', 'Montant'] },
            { line: 4, cells: ['Antenne Nord', 'Portage de repas', 'Bénéficiaires', 'janv. 2025', '91'] },
          ],
          sample: [{ line: 4, cells: ['Antenne Nord', 'Portage de repas', 'Bénéficiaires', 'janv. 2025', '91'] }],
        },
      ],
    };
    const apiGet = jest.fn(async () => []);
    const apiPost = jest.fn(async (path: string, _body: unknown) =>
      path === '/submissions/inspect' ? { status: 200, json: inspection } : { status: 202, json: { id: 'sub-2', status: 'received' } },
    );
    renderAdmin(<ImportWizard />, { dataProvider: { apiGet, apiPost } as never });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File(['x'], 'export-metier.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByTestId('open-mapping'));

    const form = await screen.findByTestId('column-mapping');
    await within(form).findByTestId('mapping-not-detected');
    expect(apiPost.mock.calls[0][0]).toBe('/submissions/inspect');
    expect((apiPost.mock.calls[0][1] as FormData).get('file')).toBeInstanceOf(File);
    // the file's first lines, the header line found by the API marked
    expect(within(screen.getByTestId('mapping-first-lines')).getByText('3 (titres)')).toBeTruthy();
    expect(within(form).getByRole('combobox', { name: 'Ligne des titres de colonnes' }).textContent).toBe(
      'Ligne 3 : Site · Prestation · Mesure · Mois · Montant',
    );
    for (const [label, header] of [
      ['Colonne de l’unité', 'Site'],
      ['Colonne du service', 'Prestation'],
      ['Colonne de l’indicateur', 'Mesure'],
      ['Colonne de la période', 'Mois'],
      ['Colonne de la valeur', 'Montant'],
    ]) {
      fireEvent.mouseDown(within(form).getByRole('combobox', { name: label }));
      const options = within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((o) => o.textContent);
      expect(options).toEqual(['Aucune', 'Site', 'Prestation', 'Mesure', 'Mois', 'Montant']);
      fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: header }));
    }
    fireEvent.click(screen.getByRole('button', { name: 'Voir l’aperçu' }));
    await waitFor(() => expect(apiPost.mock.calls.some((c) => c[0] === '/submissions?dryRun=true')).toBe(true));
    const sent = apiPost.mock.calls.find((c) => c[0] === '/submissions?dryRun=true')![1] as FormData;
    expect(JSON.parse(String(sent.get('mapping')))).toEqual({
      layout: 'long',
      headerLine: 3,
      columns: { orgUnit: 'Site', service: 'Prestation', metric: 'Mesure', period: 'Mois', value: 'Montant' },
    });
  });
});
