/**
 * The issue's journeys in a real browser against the running product with demo data (see jest.config.js).
 * Screenshots go to test-artifacts/screenshots/*.png.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeSource, baseUrl, browserForFile, login, newContext, screenshot, seriousViolations } from './browser';
import { REPO_ROOT, apiGet, apiLogin } from './product';

const FIXTURE = path.resolve(REPO_ROOT, '../shared/fixtures/figures-errors-semicolon.csv');
const YEAR = 'from=2024-01&to=2024-12';
const NBSP = /[\u202f\u00a0]/g;

const browser = browserForFile();
const base = baseUrl;

const signedIn = async (email: string, viewport?: { width: number; height: number }): Promise<Page> => {
  const context = await newContext(browser(), viewport);
  const page = await context.newPage();
  await login(page, base(), email);
  return page;
};

/** A headline card's exact value (the card itself shows « 1,54 M€ »; the exact figure is its `data-exact`). */
const headline = async (page: Page, key: string): Promise<string> => {
  const locator = page.getByTestId(`headline-${key}-value`);
  await locator.waitFor();
  return ((await locator.getAttribute('data-exact')) ?? (await locator.textContent()) ?? '').replace(NBSP, ' ');
};

describe('dashboard, as each demo role', () => {
  it.each([
    ['finance', 'finance@valmont.demo', 'CCAS de Valmont'],
    ['directeur', 'directeur@valmont.demo', 'CCAS de Valmont'],
    ['lecteur', 'lecteur@valmont.demo', 'CCAS de Valmont'],
    ['admin', 'admin@valmont.demo', 'CCAS de Valmont'],
    ['directeur-bellerive', 'directeur@bellerive.demo', 'CCAS de Bellerive'],
  ])('%s reads the headline, the charts and the data freshness', async (name, email, organisation) => {
    const page = await signedIn(email);
    await page.goto(`${base()}/#/?${YEAR}`);
    expect(await headline(page, 'grossSavings')).toMatch(/^\d[\d ]*,\d{2} €$/);
    expect(await headline(page, 'offsetRatio')).toMatch(/^\d+,\d{2} €$/);
    await expect(page.getByText(organisation).first().isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('freshness').textContent()).toMatch(/Méthodologie v2 .* Calculé le .* données au .* Base : méthode actuelle/);
    await page.getByRole('img', { name: /coûts évités par payeur|barres divergentes/ }).waitFor();
    await page.getByTestId('comparison').getByText('Période précédente', { exact: false }).waitFor();
    await screenshot(page, `dashboard-${name}`);
    await page.context().close();
  });

  it('shows a table alternative for a chart', async () => {
    const page = await signedIn('directeur@valmont.demo');
    await page.goto(`${base()}/#/?${YEAR}`);
    const series = page.getByTestId('series');
    await series.getByRole('tab', { name: 'Tableau' }).click();
    const rows = series.getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBeGreaterThan(4);
    await page.context().close();
  });

  it('lays out at tablet width', async () => {
    const page = await signedIn('lecteur@valmont.demo', { width: 820, height: 1180 });
    await page.goto(`${base()}/#/?${YEAR}`);
    await headline(page, 'netSavings');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'dashboard-tablet');
    await page.context().close();
  });
});

describe('drill-down and explanation', () => {
  it('drills down to VALMONT-NORD, keeps it in the URL and shows its own numbers', async () => {
    const page = await signedIn('directeur@valmont.demo');
    await page.goto(`${base()}/#/?${YEAR}`);
    const whole = await headline(page, 'grossSavings');
    await page
      .getByTestId('drill-down')
      .getByRole('button', { name: /CCAS de Valmont/ })
      .click();
    await page
      .getByTestId('drill-down')
      .getByRole('button', { name: /Antenne Valmont Nord/ })
      .click();
    await page.waitForURL(/orgUnit=VALMONT-NORD/);
    await page
      .getByTestId('scope-summary')
      .getByText(/Antenne Valmont Nord/)
      .waitFor();
    const token = await apiLogin(base(), 'directeur@valmont.demo');
    const api = await apiGet<{ grossSavings: string; publicSavings?: string | null; conventions?: number | null }>(
      base(),
      token,
      `/api/indicators/summary?orgUnit=VALMONT-NORD&${YEAR}`,
    );
    // Under conventions 2 the first card shows public money first.
    const shown = api.conventions === 2 && api.publicSavings ? api.publicSavings : api.grossSavings;
    const expected = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(shown as Intl.StringNumericLiteral).replace(NBSP, ' ');
    await page.waitForFunction(
      (text) =>
        document
          .querySelector('[data-testid="headline-grossSavings-value"]')
          ?.getAttribute('data-exact')
          ?.replace(/[\u202f\u00a0]/g, ' ') === text,
      expected,
    );
    expect(expected).not.toBe(whole);
    await screenshot(page, 'dashboard-valmont-nord');
    // The scope survives a reload (URL) …
    await page.reload();
    await page
      .getByTestId('scope-summary')
      .getByText(/Antenne Valmont Nord/)
      .waitFor();
    await page.context().close();
  });

  it('opens "Comment est-ce calculé ?" with formula, inputs, assumptions, unit costs, and downloads the calculation', async () => {
    const page = await signedIn('lecteur@valmont.demo');
    await page.goto(`${base()}/#/?orgUnit=VALMONT-NORD&from=2024-01&to=2024-03`);
    // 2024 is computed under method 2: the public card explains the public indicator it shows
    await page.getByTestId('explain-publicSavings').click();
    const dialog = page.getByRole('dialog', { name: /Comment est-ce calculé \? — Coûts évités pour les finances publiques/ });
    await dialog.getByTestId('explain-formula').waitFor();
    expect(await dialog.getByTestId('explain-formula').textContent()).toContain('Coûts évités pour les finances publiques =');
    await dialog
      .getByRole('table', { name: /Données utilisées/ })
      .getByRole('cell', { name: 'SAAD' })
      .first()
      .waitFor();
    await dialog
      .getByText(/Justification :/)
      .first()
      .waitFor();
    await dialog.getByRole('table', { name: 'Coûts unitaires et sources' }).waitFor();
    expect(await dialog.getByTestId('explain-freshness').textContent()).toMatch(/Calculé le .* données au/);
    await screenshot(page, 'explain-panel');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Télécharger ce calcul' }).click()]);
    const file = await download.path();
    const scenario = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(scenario)).toContain('levier-scenario/1');
    await dialog.getByRole('button', { name: 'Fermer' }).last().click();
    await page.context().close();
  });
});

describe('data entry', () => {
  it('imports the fixture with errors and shows them row by row', async () => {
    const page = await signedIn('finance@valmont.demo');
    await page.goto(`${base()}/#/import`);
    await page.getByTestId('import-file').setInputFiles(FIXTURE);
    await page.getByText('figures-errors-semicolon.csv').waitFor();
    await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
    const errors = page.getByTestId('row-errors');
    await errors.waitFor({ timeout: 30_000 });
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('douze');
    expect(text).toContain('PORTAGE_REPAZ');
    expect(await errors.getByRole('row').count()).toBeGreaterThan(4);
    await screenshot(page, 'import-errors');
    await page.context().close();
  });

  it('edits a figure in the grid with the keyboard, saves it and sees the dashboard change', async () => {
    const scope = 'orgUnit=VALMONT-NORD&from=2024-05&to=2024-05';
    const page = await signedIn('finance@valmont.demo');
    await page.goto(`${base()}/#/?${scope}`);
    const before = await headline(page, 'cost');

    await page.goto(`${base()}/#/saisie?orgUnit=VALMONT-NORD&period=2024-05`);
    const grid = page.getByTestId('entry-grid');
    const saadSpend = grid.locator('input[data-cell="SAAD|spend"]');
    await saadSpend.waitFor();
    await page.waitForFunction(() => (document.querySelector('input[data-cell="SAAD|spend"]') as HTMLInputElement | null)?.value !== '');
    // Keyboard: spend comes first (each service's expected metrics, in order); from SAAD's person-months, the left arrow
    // reaches its spend; up goes to the row above.
    await grid.locator('input[data-cell="SAAD|person_months"]').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('SAAD|spend');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('PORTAGE_REPAS|spend');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('SAAD|spend');
    // French number input: a cost far above the current one.
    await page.keyboard.type('250 000,50');
    await page.getByRole('button', { name: /Enregistrer \(1 modification/ }).click();
    await page.getByText('Saisie enregistrée : 1 chiffre.').waitFor({ timeout: 30_000 });
    await screenshot(page, 'grid-saved');

    // The worker recomputes; the dashboard shows the new cost.
    const deadline = Date.now() + 30_000;
    let after = before;
    while (after === before && Date.now() < deadline) {
      await page.goto(`${base()}/#/?${scope}&_=${Date.now()}`);
      after = await headline(page, 'cost');
      if (after === before) await page.waitForTimeout(1000);
    }
    expect(after).not.toBe(before);
    await screenshot(page, 'dashboard-after-edit');
    await page.context().close();
  });
});

describe('accessibility (axe-core)', () => {
  const source = axeSource();
  const pages: Array<[string, string, string]> = [
    ['login', '', '/#/login'],
    ['dashboard', 'directeur@valmont.demo', `/#/?${YEAR}`],
    ['grid', 'finance@valmont.demo', '/#/saisie?orgUnit=VALMONT-NORD&period=2024-05'],
    ['import', 'finance@valmont.demo', '/#/import'],
    ['figures', 'finance@valmont.demo', '/#/figures'],
  ];

  it('has axe-core available (npm i -D axe-core, or AXE_CORE_PATH)', () => {
    expect(source).not.toBeNull();
  });

  it.each(pages)('%s has no serious or critical violation', async (name, email, route) => {
    if (!source) return;
    let page: Page;
    if (email) {
      page = await signedIn(email);
    } else {
      page = await (await newContext(browser())).newPage();
    }
    await page.goto(`${base()}${route}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    if (name === 'figures') await screenshot(page, 'figures-list');
    const violations = await seriousViolations(page, source);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('the explanation dialog has no serious or critical violation', async () => {
    if (!source) return;
    const page = await signedIn('lecteur@valmont.demo');
    await page.goto(`${base()}/#/?orgUnit=VALMONT-NORD&from=2024-01&to=2024-03`);
    await page.getByTestId('explain-publicCost').click();
    await page.getByTestId('explain-formula').waitFor();
    expect(await seriousViolations(page, source)).toEqual([]);
    await page.context().close();
  });
});
