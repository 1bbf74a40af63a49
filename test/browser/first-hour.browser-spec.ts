/**
 * The director's and the viewer's first hour (issue 14), in a real browser against the running demo: the dashboard's
 * default scope after a new month is entered, « tel que publié » on a draft year, a report subscription created with
 * the schedule picker whose preview e-mail is opened through its link, and the viewer's blocked routes.
 */
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { baseUrl, browserForFile, login, newContext, screenshot, SCREENSHOTS } from './browser';
import { apiGet, apiLogin } from './product';
import { receivedMail } from './smtp';

const NBSP = /[\u202f\u00a0]/g;

const browser = browserForFile();
const base = baseUrl;
const mailDir = (): string => {
  const dir = process.env.BROWSER_MAIL_DIR;
  if (!dir) throw new Error('BROWSER_MAIL_DIR manquant : lancez les tests avec -c test/browser/jest.config.js');
  return dir;
};

/** A fresh context (no remembered scope) signed in as `email`. */
const signedIn = async (email: string): Promise<Page> => {
  const context = await newContext(browser());
  const page = await context.newPage();
  await login(page, base(), email);
  return page;
};

const text = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).textContent()) ?? '').replace(NBSP, ' ');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface PeriodsAnswer {
  latestMonth: string | null;
  defaultScope: { from: string; to: string } | null;
  months: { period: string; complete: boolean }[];
}

describe('the director’s first hour', () => {
  it('opens on the last complete year, even after one service has entered a new month, and says that month is incomplete', async () => {
    // finance enters January 2025 for one service of one unit only, through the real pipeline (submission → job → read model)
    const finance = await apiLogin(base(), 'finance@valmont.demo');
    const res = await fetch(`${base()}/api/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${finance}`, 'Content-Type': 'application/json', 'X-Requested-With': 'levier' },
      body: JSON.stringify({
        figures: [
          { orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2025-01', value: '41000' },
          { orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'person_months', period: '2025-01', value: '120' },
        ],
      }),
    });
    expect(res.status).toBe(202);
    let periods: PeriodsAnswer | null = null;
    for (let i = 0; i < 60 && periods?.latestMonth !== '2025-01'; i += 1) {
      await sleep(500);
      periods = await apiGet<PeriodsAnswer>(base(), finance, '/api/indicators/periods');
    }
    expect(periods?.latestMonth).toBe('2025-01');
    expect(periods?.defaultScope).toEqual({ from: '2024-01', to: '2024-12', reason: 'complete_year' });

    const page = await signedIn('directeur@valmont.demo');
    await page.getByTestId('headline-grossSavings-value').waitFor();
    expect(await text(page, 'scope-summary')).toBe("Périmètre : toute l'organisation, année 2024");
    expect(await text(page, 'periods-notice-newer')).toBe('Plus récent, hors de la période affichée : janvier 2025');
    // the headline rests on twelve months, not on the one just entered: public avoided costs in hundreds of k€ at least
    expect(await text(page, 'headline-grossSavings-value')).toMatch(/(k|M)€$/);
    // one column of comparison for a year (previous twelve months = same period N-1)
    await page.getByTestId('comparison-column-previous').waitFor();
    expect(await page.getByTestId('comparison-column-lastYear').count()).toBe(0);
    await screenshot(page, 'first-hour-director-default-scope');
    // what the director sees first (the window, not the whole page), and the flows (Sankey) further down
    await page.screenshot({ path: path.join(SCREENSHOTS, 'first-hour-director-first-screen.png') });
    const flows = page.getByText('Virements budgétaires entre fonctions', { exact: false }).first();
    await flows.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'first-hour-sankey.png') });

    // the new month alone: incomplete, a draft, never a headline of its own without saying so
    await page.goto(`${base()}/#/?from=2025-01&to=2025-01`);
    await page.getByTestId('periods-notice-incomplete').waitFor();
    expect(await text(page, 'periods-notice-incomplete')).toContain('Incomplet : janvier 2025');
    expect(await text(page, 'periods-notice-unapproved')).toContain('janvier 2025');
    await screenshot(page, 'first-hour-director-new-month');

    // the scope is remembered for this user: back home without a link, the same month comes back
    await page.goto(`${base()}/#/`);
    await page.getByTestId('scope-summary').getByText('janvier 2025').waitFor();
    await page.context().close();
  });

  it('« tel que publié » on 2024, where no month is approved: « non approuvé », no draft figure shown as published', async () => {
    const page = await signedIn('directeur@valmont.demo');
    await page.goto(`${base()}/#/?from=2024-01&to=2024-12`);
    await page.getByTestId('headline-grossSavings-value').waitFor();
    expect(await text(page, 'headline-grossSavings-value')).toMatch(/(k|M)€$/);
    expect(await text(page, 'periods-notice-unapproved')).toContain('12 mois pas encore approuvés');

    await page.goto(`${base()}/#/?from=2024-01&to=2024-12&basis=reported`);
    await page.getByTestId('periods-notice-unapproved').waitFor();
    expect(await text(page, 'periods-notice-unapproved')).toContain('Tel que publié : 12 mois non approuvés, exclus des chiffres');
    await page.getByTestId('headline-grossSavings-value').waitFor();
    expect(await text(page, 'headline-grossSavings-value')).toBe('—');
    expect(await page.getByTestId('freshness').textContent()).toContain('Base : tel que publié');
    // the series lists the twelve months, each greyed « non approuvé », never a 0 € point
    const series = page.getByTestId('series');
    await series.getByTestId('series-gaps').waitFor();
    expect(await text(page, 'series-gaps')).toBe('12 périodes non approuvées, sans valeur « tel que publié » (grisées).');
    expect(await series.getByTestId('series-gap-2024-06').textContent()).toContain('non approuvé');
    await series.getByRole('tab', { name: 'Tableau' }).click();
    expect(await series.getByTestId('series-cell-unapproved').count()).toBeGreaterThanOrEqual(12 * 4);
    expect(await series.getByText(/^0,00\s€$/).count()).toBe(0);
    await screenshot(page, 'first-hour-reported-2024');

    // 2023 was approved under method 1: its published figures are there
    await page.goto(`${base()}/#/?from=2023-01&to=2023-12&basis=reported`);
    await page
      .getByTestId('headline-grossSavings-value')
      .getByText(/(k|M)€$/)
      .waitFor();
    expect(await page.getByTestId('periods-notice-unapproved').count()).toBe(0);
    await page.context().close();
  });

  it('creates a report subscription with the schedule picker, previews it, and opens the preview e-mail’s link on its scope', async () => {
    const page = await signedIn('directeur@valmont.demo');
    await page.goto(`${base()}/#/report-subscriptions/create`);
    await page.getByRole('heading', { name: 'Nouvel abonnement aux rapports' }).or(page.getByText('Nouvel abonnement aux rapports')).first().waitFor();
    await page.getByLabel('Nom').fill('Conseil d’administration — premier essai');
    await page.getByLabel('Destinataires').fill('elu.premiere-heure@mairie-valmont.fr');
    await page.getByLabel('Unités').click();
    await page.getByRole('option', { name: 'CCAS de Valmont', exact: true }).click();
    await page.keyboard.press('Escape');
    // the schedule in words: every month, on the 5th at 8
    const picker = page.getByTestId('schedule-picker');
    await picker.getByLabel('Fréquence').click();
    await page.getByRole('option', { name: 'Chaque mois' }).click();
    await picker.getByLabel('Jour du mois').click();
    await page.getByRole('option', { name: '5', exact: true }).click();
    await picker.getByLabel('Heure').click();
    await page.getByRole('option', { name: '8 h', exact: true }).click();
    expect(await text(page, 'schedule-summary')).toBe('Envoi : chaque mois, le 5 à 8 h');
    // the period covered: the last complete month by default
    expect(await page.getByRole('combobox', { name: 'Période couverte' }).textContent()).toContain('Le dernier mois complet');
    await screenshot(page, 'first-hour-subscription-form');
    await page.getByRole('button', { name: 'Enregistrer' }).click();

    // the show page speaks words: schedule, period covered, services, language, formats
    await page.getByTestId('send-preview').waitFor();
    await page.getByText('chaque mois, le 5 à 8 h').waitFor();
    expect(await text(page, 'report-periodCovered')).toBe('Le dernier mois complet');
    expect(await text(page, 'report-services')).toBe('Tous les services');
    expect(await text(page, 'report-language')).toBe('Français');
    expect(await text(page, 'report-formats')).toBe('PDF, XLSX');
    await screenshot(page, 'first-hour-subscription-show');

    // the preview in the browser, before sending: the last complete month, never a month without data
    await page.getByTestId('report-preview').click();
    await page.getByTestId('report-preview-subject').waitFor();
    expect(await text(page, 'report-preview-subject')).toContain('décembre 2024');
    const frame = page.frameLocator('[data-testid="report-preview-frame"]');
    await frame.getByText('Ouvrir le tableau de bord').waitFor();
    await screenshot(page, 'first-hour-report-preview');
    await page.getByRole('button', { name: 'Fermer' }).click();

    // send it, read the e-mail that arrived, open its link
    const before = receivedMail(mailDir()).length;
    await page.getByTestId('send-preview').click();
    let mail = receivedMail(mailDir())
      .slice(before)
      .find((m) => m.to.includes('elu.premiere-heure@mairie-valmont.fr'));
    for (let i = 0; i < 60 && !mail; i += 1) {
      await sleep(500);
      mail = receivedMail(mailDir())
        .slice(before)
        .find((m) => m.to.includes('elu.premiere-heure@mairie-valmont.fr'));
    }
    expect(mail).toBeDefined();
    const parsed = await simpleParser(mail!.raw);
    const html = typeof parsed.html === 'string' ? parsed.html : '';
    expect(html).not.toContain('0,00 €</td>');
    expect(html).not.toContain('))');
    const link = /href="([^"]*#\/\?[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBe(`${base()}/#/?orgUnit=VALMONT&from=2024-12&to=2024-12`);
    await page.goto(link!);
    await page.getByTestId('scope-summary').getByText('décembre 2024').waitFor();
    expect(await text(page, 'scope-summary')).toBe('Périmètre : CCAS de Valmont, décembre 2024');
    await screenshot(page, 'first-hour-email-link');
    await page.context().close();
  });

  it('offers the four periods a report covers, and previews each on its last complete period', async () => {
    const director = await apiLogin(base(), 'directeur@valmont.demo');
    const created = await fetch(`${base()}/api/report-subscriptions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${director}`, 'Content-Type': 'application/json', 'X-Requested-With': 'levier' },
      body: JSON.stringify({ name: 'Périodes couvertes', recipients: ['elu.periodes@mairie-valmont.fr'], orgUnits: ['VALMONT'], schedule: '0 8 5 * *' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const page = await signedIn('directeur@valmont.demo');
    // the demo's last complete month, quarter and year end with December 2024 (January 2025 is incomplete)
    const options = ['Le dernier mois complet', 'Le dernier trimestre complet', 'La dernière année complète', 'Depuis le début de l’année (cumul)'];
    // created on the last complete month: each choice changes the form (the save button needs a change), the month last
    const choices: [string, string, string][] = [
      ['Le dernier trimestre complet', '4e trimestre 2024', '3e trimestre 2024'],
      ['La dernière année complète', 'année 2024', 'année 2023'],
      ['Depuis le début de l’année (cumul)', 'cumul de l’année 2024 à fin décembre', 'cumul de l’année 2023 à fin décembre'],
      ['Le dernier mois complet', 'décembre 2024', 'novembre 2024'],
    ];
    for (const [choice, covered, compared] of choices) {
      await page.goto(`${base()}/#/report-subscriptions/${id}`);
      const select = page.getByRole('combobox', { name: 'Période couverte' });
      await select.waitFor();
      await select.click();
      // every choice in words, never a key
      expect(await page.getByRole('option').allTextContents()).toEqual(options);
      await page.getByRole('option', { name: choice, exact: true }).click();
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByTestId('report-periodCovered').getByText(choice, { exact: true }).waitFor();

      await page.getByTestId('report-preview').click();
      await page.getByTestId('report-preview-subject').waitFor();
      expect(await text(page, 'report-preview-subject')).toContain(`Levier — Périodes couvertes — ${covered} — CCAS de Valmont`);
      const frame = page.frameLocator('[data-testid="report-preview-frame"]');
      // the comparison column, public money first (the demo's 2024 is under method 2), no M57 ratio
      await frame.getByText(compared, { exact: true }).first().waitFor();
      await frame.getByText('Finances publiques : épargne médico-sociale nette').first().waitFor();
      const body = (await frame.locator('body').textContent()) ?? '';
      expect(body).not.toMatch(/[ée]pargne (brute|nette)/i);
      expect(body).not.toMatch(/levier\.|year_to_date|quarter/);
      if (choice.startsWith('Depuis')) await screenshot(page, 'first-hour-report-preview-year-to-date');
      await page.getByRole('button', { name: 'Fermer' }).click();
    }
    await page.context().close();
  });

  it('shows who is signed in: name, organisation and role in French', async () => {
    const page = await signedIn('directeur@valmont.demo');
    await page.getByTestId('app-bar-organisation').waitFor();
    expect(await text(page, 'app-bar-organisation')).toBe('CCAS de Valmont');
    await page.getByRole('button', { name: /Profil|Profile/ }).click();
    await page.getByTestId('who-am-i-roles').waitFor();
    expect(await text(page, 'who-am-i')).toContain('Organisation : CCAS de Valmont');
    expect(await text(page, 'who-am-i-roles')).toMatch(/^Rôle : Direction \(CCAS, service\)/);
    await screenshot(page, 'first-hour-user-menu');
    await page.context().close();
  });
});

describe('the viewer’s app', () => {
  it.each([
    ['/saisie', 'first-hour-viewer-saisie'],
    ['/import', 'first-hour-viewer-import'],
  ])('sends the viewer from %s to « Accès réservé », without the page’s buttons', async (route, shot) => {
    const page = await signedIn('lecteur@valmont.demo');
    await page.goto(`${base()}/#${route}`);
    await page.getByTestId('access-denied').waitFor();
    expect(await text(page, 'access-denied')).toContain('Accès réservé');
    expect(await text(page, 'access-denied')).toContain('aux directions financières et aux administrateurs');
    expect(await text(page, 'access-denied')).toContain('Lecteur');
    expect(await page.getByRole('button', { name: /Soumettre la période/ }).count()).toBe(0);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    await screenshot(page, shot);
    await page.getByRole('link', { name: 'Retour au tableau de bord' }).click();
    await page.getByTestId('headline-grossSavings-value').waitFor();
    await page.context().close();
  });

  it('answers the viewer’s forbidden call with French role names', async () => {
    const viewer = await apiLogin(base(), 'lecteur@valmont.demo');
    const res = await fetch(`${base()}/api/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${viewer}`, 'Content-Type': 'application/json', 'X-Requested-With': 'levier' },
      body: JSON.stringify({ figures: [] }),
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { detail: string };
    expect(body.detail).toBe('Action réservée aux directions financières et aux administrateurs de la méthodologie.');
  });
});
