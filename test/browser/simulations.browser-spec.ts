/**
 * The lever simulator's journey (issue 18) in a real browser against the product with demo data: the director of the
 * CCAS de Valmont moves 50 000 € from meal delivery to SAAD over 2024, sees the payers' change and the fongibilité
 * headroom, saves, reopens and compares two saved simulations. Screenshots go to test-artifacts/screenshots/.
 */
import type { Page } from 'playwright-core';
import { baseUrl, browserForFile, login, newContext, screenshot } from './browser';

const NBSP = /[\u202f\u00a0]/g;

const browser = browserForFile();
const base = baseUrl;

const choose = async (page: Page, lever: number, label: 'Depuis' | 'Vers', option: RegExp): Promise<void> => {
  await page.getByTestId(`lever-${lever}`).getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
};

const text = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).textContent()) ?? '').replace(NBSP, ' ');

describe('lever simulator', () => {
  it('the director moves 50 000 € from meal delivery to SAAD, sees the payers and the fongibilité headroom, saves, reopens and compares', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await login(page, base(), 'directeur@valmont.demo');
    await page.getByRole('menuitem', { name: 'Simulateur de leviers' }).click();
    await page.getByRole('heading', { name: 'Investir dans les bons leviers', level: 1 }).waitFor();
    await page.getByTestId('scope-orgUnit').fill('VALMONT');
    await page.getByTestId('scope-from').fill('2024-01');
    await page.getByTestId('scope-to').fill('2024-12');

    await page.getByRole('button', { name: 'Déplacer un budget' }).click();
    await choose(page, 0, 'Depuis', /PORTAGE_REPAS/);
    await choose(page, 0, 'Vers', /\(SAAD\)/);
    await page.getByTestId('lever-0-amount').fill('50000');
    // the answer for these levers (the preview waits for the last change): one answer renders payers, services and checks
    await page
      .getByTestId('check-1')
      .getByText(/50.000,00.€ de « Portage de repas à domicile » vers « Aide à domicile renforcée \(SAAD\) »/)
      .waitFor();

    // the payers' change: the département's net moves, and every payer line says baseline, simulated and change
    const payers = page.getByTestId('simulation-payers');
    await payers.getByTestId('payer-DEPARTEMENT').waitFor();
    await page.getByTestId('simulation-services').getByTestId('service-SAAD').waitFor();
    const departement = await text(page, 'payer-DEPARTEMENT');
    expect(departement).toMatch(/Département.*€.*€.*[+-−]?\d[\d ]*,\d{2} €/);
    expect(departement).not.toMatch(/\+0,00 €$/);
    // the fongibilité headroom in words: a move between M57 functions 4238 and 423
    const check = await text(page, 'check-1');
    expect(check).toMatch(/fongibilité des crédits/);
    expect(check).toMatch(/4238.*423/);
    expect(check).toMatch(/marge restante|dépassement de/);
    await screenshot(page, 'simulation-move-portage-saad');

    await page.getByTestId('simulation-name').fill('Portage → SAAD, 50 000 €');
    await page.getByRole('button', { name: 'Enregistrer la simulation' }).click();
    await page.getByText('Simulation enregistrée.').waitFor();
    await page.getByTestId('saved-simulations').getByText('Portage → SAAD, 50 000 €').waitFor();

    // a second one: a smaller move, saved beside the first
    await page.getByTestId('lever-0-amount').fill('20000');
    await page
      .getByTestId('check-1')
      .getByText(/20.000,00.€/)
      .waitFor();
    await page.getByTestId('simulation-name').fill('Portage → SAAD, 20 000 €');
    await page.getByRole('button', { name: 'Enregistrer la simulation' }).click();
    await page.getByTestId('saved-simulations').getByText('Portage → SAAD, 20 000 €').waitFor();

    // reopen the first: its levers come back
    await page.getByRole('button', { name: 'Ouvrir Portage → SAAD, 50 000 €' }).click();
    await page
      .getByTestId('check-1')
      .getByText(/50.000,00.€ de « Portage de repas à domicile » vers « Aide à domicile renforcée \(SAAD\) »/)
      .waitFor();
    await expect(page.getByTestId('lever-0-amount').inputValue()).resolves.toBe('50000');

    // compare the two side by side, each recomputed on today's data
    await page.getByRole('checkbox', { name: 'Comparer Portage → SAAD, 50 000 €' }).check();
    await page.getByRole('checkbox', { name: 'Comparer Portage → SAAD, 20 000 €' }).check();
    const comparison = page.getByTestId('simulation-comparison');
    await comparison.waitFor();
    const net = ((await comparison.getByTestId('compare-netSavings').textContent()) ?? '').replace(NBSP, ' ');
    expect(net.match(/-?\d[\d ]*,\d{2} €/g)?.length).toBe(4);
    await comparison
      .getByText(/fongibilité des crédits/)
      .first()
      .waitFor();
    await screenshot(page, 'simulation-compare');
    await context.close();
  });
});
