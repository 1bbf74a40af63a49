/**
 * The finance director's month-end (issue 13) in a real browser against the running product with demo data: a wide
 * sheet with labels, its preview, the overwrite confirmed, the history of a changed figure, and the four-eyes rule.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { baseUrl, browserForFile, login, newContext, screenshot } from './browser';
import { apiGet, apiLogin } from './product';

const browser = browserForFile();
const base = baseUrl;

const signedIn = async (email: string): Promise<Page> => {
  const context = await newContext(browser());
  const page = await context.newPage();
  await login(page, base(), email);
  return page;
};

interface Figure {
  id: string;
  value: string;
}

describe('month-end, as the finance director', () => {
  it('imports a wide sheet with labels, previews it, confirms the overwrite, reads the history, and cannot approve their own submission', async () => {
    const token = await apiLogin(base(), 'finance@valmont.demo');
    const figureOf = async (period: string): Promise<Figure> => {
      const filter = encodeURIComponent(JSON.stringify({ orgUnit: 'VALMONT-NORD', service: 'PORTAGE_REPAS', metric: 'spend', period }));
      const [figure] = await apiGet<Figure[]>(base(), token, `/api/figures?filter=${filter}`);
      return figure;
    };
    const january = await figureOf('2024-01');
    expect(january).toBeDefined();

    // months as columns, units, services and indicators by their labels, as a finance team keeps them
    const dir = mkdtempSync(path.join(tmpdir(), 'levier-month-end-'));
    const file = path.join(dir, 'portage-nord-t1-2024.csv');
    writeFileSync(
      file,
      [
        'Unité;Service;Indicateur;janv. 2024;févr. 2024',
        'Antenne Nord;Portage de repas;Dépenses;12 345,67;12 400,00',
        'Antenne Nord;Portage de repas;Bénéficiaires;;',
      ].join('\r\n'),
      'utf8',
    );

    const page = await signedIn('finance@valmont.demo');
    await page.goto(`${base()}/#/import`);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByText('portage-nord-t1-2024.csv').waitFor();
    await page.getByRole('button', { name: 'Voir l’aperçu' }).click();

    const changes = page.getByTestId('preview-changes');
    await changes.waitFor({ timeout: 30_000 });
    const counts = (await page.getByTestId('preview-counts').textContent()) ?? '';
    expect(counts).toMatch(/0 nouvelle valeur, 2 valeurs modifiées, 0 inchangée, \d+ signalements?, 0 erreur\./);
    const changesText = (await changes.textContent()) ?? '';
    expect(changesText).toContain('Antenne Valmont Nord');
    expect(changesText).toContain('Portage de repas à domicile');
    expect(changesText).toContain('janv. 2024');
    expect(changesText).toContain('12\u202f345,67');
    // nothing is written before applying
    expect((await figureOf('2024-01')).value).toBe(january.value);
    await screenshot(page, 'month-end-preview');

    await page.getByTestId('apply-preview').click();
    const dialog = page.getByRole('dialog', { name: 'Remplacer des valeurs déjà saisies ?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('remplace 2 valeurs déjà saisies');
    await dialog.getByTestId('confirm-overwrite').click();
    await page.getByText(/Import terminé : 2 chiffre/).waitFor({ timeout: 30_000 });
    expect((await figureOf('2024-01')).value).toBe('12345.67');

    await page.goto(`${base()}/#/figures/${january.id}/show`);
    const history = page.getByTestId('figure-history');
    await history.waitFor({ timeout: 30_000 });
    const latest = history.getByRole('row').nth(1);
    await latest.getByText('12\u202f345,67').waitFor();
    const latestText = (await latest.textContent()) ?? '';
    expect(latestText).toContain('Direction financière (démo)');
    expect(latestText).toContain('portage-nord-t1-2024.csv');
    await screenshot(page, 'month-end-history');

    // submit the period, then try to approve it: four eyes refuses
    await page.goto(`${base()}/#/periods`);
    const panel = page.locator('.MuiPaper-root', { has: page.getByTestId('period-code') }).last();
    await panel.getByRole('combobox').first().click();
    await page.getByRole('option', { name: 'Antenne Valmont Nord', exact: true }).click();
    await panel.getByTestId('period-code').fill('2024-01');
    await panel.getByRole('button', { name: 'Soumettre' }).click();
    await page.getByTestId('period-confirm').click();
    await page
      .getByText(/Période 2024-01 soumise/)
      .first()
      .waitFor({ timeout: 15_000 });
    await panel.getByRole('button', { name: 'Approuver' }).click();
    await page.getByTestId('period-confirm').click();
    await page.getByText(/vous avez soumis la période janv\. 2024/).waitFor({ timeout: 15_000 });
    await screenshot(page, 'month-end-four-eyes');
    await page.context().close();
  });

  it('maps the columns of a sheet whose headers are not recognised, from the file’s own titles, and saves the mapping as a template', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'levier-mapping-'));
    const file = path.join(dir, 'export-logiciel-metier.csv');
    writeFileSync(
      file,
      [
        'Tableau de bord du CCAS — export du logiciel métier',
        '',
        'Site;Prestation;Mesure;Mois;Montant',
        'Antenne Nord;Portage de repas;Bénéficiaires;mars 2025;91',
        'Antenne Sud;Portage de repas;Bénéficiaires;mars 2025;70',
        'Antenne Sud;Portage de repas;Dépenses;mars 2025;10 150,40',
      ].join('\r\n'),
      'utf8',
    );
    const page = await signedIn('finance@valmont.demo');
    await page.goto(`${base()}/#/import`);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByText('export-logiciel-metier.csv').waitFor();
    await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
    // detection does not know « Site », « Prestation », « Mesure », « Mois », « Montant »: the preview says so and offers the mapping
    await page
      .getByTestId('submission-preview')
      .getByText(/introuvables? :/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByTestId('retry-with-mapping').click();

    const form = page.getByTestId('column-mapping');
    await form.getByTestId('mapping-first-lines').waitFor({ timeout: 15_000 });
    await form.getByTestId('mapping-not-detected').waitFor();
    expect(await form.getByRole('combobox', { name: 'Ligne des titres de colonnes' }).textContent()).toBe(
      'Ligne 3 : Site · Prestation · Mesure · Mois · Montant',
    );
    for (const [label, header] of [
      ['Colonne de l’unité', 'Site'],
      ['Colonne du service', 'Prestation'],
      ['Colonne de l’indicateur', 'Mesure'],
      ['Colonne de la période', 'Mois'],
      ['Colonne de la valeur', 'Montant'],
    ]) {
      await form.getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: header, exact: true }).click();
    }
    await form.getByRole('textbox', { name: 'Enregistrer comme modèle d’import (facultatif)' }).fill('Export du logiciel métier');
    await screenshot(page, 'month-end-mapping');
    await page.getByRole('button', { name: 'Voir l’aperçu' }).click();

    const counts = page.getByTestId('preview-counts');
    await counts.waitFor({ timeout: 30_000 });
    await page.getByText(/^3 nouvelles valeurs, 0 valeur modifiée, 0 inchangée, \d+ signalements?, 0 erreur\./).waitFor({ timeout: 30_000 });
    await page.getByTestId('apply-preview').click();
    await page.getByText(/Import terminé : 3 chiffre/).waitFor({ timeout: 30_000 });

    // the mapping is an import template of the organisation now, offered next month
    const token = await apiLogin(base(), 'finance@valmont.demo');
    const templates = await apiGet<{ name: string; mapping: { columns: Record<string, string>; headerLine?: number } }[]>(
      base(),
      token,
      '/api/import-templates',
    );
    expect(templates.find((t) => t.name === 'Export du logiciel métier')?.mapping).toMatchObject({
      headerLine: 3,
      columns: { orgUnit: 'Site', service: 'Prestation', metric: 'Mesure', period: 'Mois', value: 'Montant' },
    });
    await page.context().close();
  });
});
