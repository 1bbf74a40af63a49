/**
 * Journeys on the resource screens against the running product: a director's report subscription and its preview
 * e-mail (received by the in-process SMTP server of global-setup.ts), the period workflow, the custom-indicator editor.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { axeSource, baseUrl, browserForFile, login, newContext, screenshot, seriousViolations } from './browser';
import { receivedMail } from './smtp';

const browser = browserForFile();
const base = baseUrl;
const mailDir = (): string => {
  const dir = process.env.BROWSER_MAIL_DIR;
  if (!dir) throw new Error('BROWSER_MAIL_DIR manquant : global-setup.ts démarre le serveur SMTP');
  return dir;
};

const signedIn = async (email: string): Promise<Page> => {
  const page = await (await newContext(browser())).newPage();
  await login(page, base(), email);
  return page;
};

const waitUntil = async (what: string, timeoutMs: number, probe: () => boolean): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`${what} : délai dépassé`);
    await new Promise((r) => setTimeout(r, 300));
  }
};

describe('report subscriptions', () => {
  it('a director creates a subscription, sends a preview now, and the e-mail arrives', async () => {
    const page = await signedIn('directeur@valmont.demo');
    await page.goto(`${base()}/#/report-subscriptions/create`);
    await page.getByLabel(/^Nom/).fill('Rapport du conseil (test navigateur)');
    await page.getByTestId('list-recipients').fill('directeur@valmont.demo');
    await page.getByRole('combobox', { name: /^Unités/ }).click();
    await page.getByRole('option', { name: 'CCAS de Valmont', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const send = page.getByTestId('send-preview');
    await send.waitFor({ timeout: 15_000 });
    await screenshot(page, 'report-subscription-show');

    const before = receivedMail(mailDir()).length;
    await send.click();
    await page.getByText(/Aperçu demandé : 1 envoi/).waitFor({ timeout: 15_000 });
    await waitUntil('e-mail de l’aperçu', 60_000, () => receivedMail(mailDir()).length > before);
    const mails = receivedMail(mailDir()).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['directeur@valmont.demo']);

    await page.goto(`${base()}/#/report-deliveries`);
    await page.getByText('directeur@valmont.demo').first().waitFor();
    await screenshot(page, 'report-deliveries');
    await page.context().close();
  });
});

/** Switches the organisation's four-eyes rule through the API, as Valmont's admin (logged, with a reason). */
const approvalRule = async (fourEyes: boolean): Promise<void> => {
  const login = await fetch(`${base()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@valmont.demo', password: 'levier-demo' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${base()}/api/approval-settings`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ fourEyes, reason: 'Parcours de test des périodes : une seule personne approuve puis la règle est rétablie' }),
  });
  if (!res.ok) throw new Error(`approval-settings ${res.status}`);
};

describe('periods', () => {
  it('finance approves a period, then reopens it with a reason', async () => {
    const page = await signedIn('finance@valmont.demo');
    await page.goto(`${base()}/#/periods`);
    const panel = page.getByTestId('period-actions');
    await panel.getByRole('combobox', { name: 'Unité' }).click();
    await page.getByRole('option', { name: 'Antenne Valmont Nord', exact: true }).click();
    await panel.getByTestId('period-code').fill('2024-06');
    // four eyes is on by default (month-end, issue 13): this journey lets one person approve, then puts the rule back
    await approvalRule(false);
    await panel.getByRole('button', { name: 'Approuver' }).click();
    // approving asks for confirmation (issue 13)
    await page.getByTestId('period-confirm').click();
    await page
      .getByText(/approuvée et verrouillée/)
      .first()
      .waitFor({ timeout: 15_000 });
    const reopen = page.getByRole('button', { name: /^Rouvrir .* 2024-06$/ }).first();
    await reopen.waitFor();
    await screenshot(page, 'periods-approved');

    await reopen.click();
    await page.getByTestId('reopen-reason').fill('Correction des heures de juin (test navigateur)');
    await page.getByTestId('reopen-confirm').click();
    await page.getByText(/Période 2024-06 rouverte/).waitFor({ timeout: 15_000 });
    await page.getByText('Correction des heures de juin (test navigateur)').first().waitFor();
    await screenshot(page, 'periods-reopened');
    await page.context().close();
  });
  afterAll(async () => {
    await approvalRule(true);
  });
});

describe('custom indicators', () => {
  it('an admin writes a formula, sees the error at its position, then a preview value on real data', async () => {
    const page = await signedIn('admin@valmont.demo');
    await page.goto(`${base()}/#/custom-indicators/create`);
    await page.getByLabel(/^Numérateur/).fill('#{spend} +* 2');
    const error = page.getByTestId('formula-error');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toMatch(/Erreur dans Numérateur, caractère 11/);
    expect(await page.getByTestId('formula-caret').textContent()).toContain(`#{spend} +* 2\n${' '.repeat(10)}^`);
    await screenshot(page, 'custom-indicator-error');

    await page.getByLabel(/^Numérateur/).fill('#{spend.SAAD}');
    await page.getByLabel(/^Dénominateur/).fill('#{person_months}');
    const value = page.getByTestId('formula-preview-value');
    await value.waitFor({ timeout: 15_000 });
    expect(((await value.textContent()) ?? '').replace(/[\u202f\u00a0]/g, ' ')).toMatch(/^\d[\d ]*(,\d+)?$/);
    await screenshot(page, 'custom-indicator-preview');
    await page.context().close();
  });
});

describe('methodology and exports', () => {
  it('an admin sees the engine’s 422 messages under the outcome parameters', async () => {
    const page = await signedIn('admin@valmont.demo');
    await page.goto(`${base()}/#/outcome-assumptions/create`);
    await page.getByRole('combobox', { name: /^Service/ }).click();
    await page.getByRole('option', { name: 'Aide à domicile renforcée (SAAD)', exact: true }).click();
    await page.getByLabel(/^Code/).fill('TEST_NAVIGATEUR');
    await page.getByLabel(/^Libellé/).fill('Hypothèse invalide (test navigateur)');
    await page.getByTestId('json-params').fill('{ "mode": "counterfactual", "rateWith": "abc" }');
    await page.getByLabel(/^Justification/).fill('Pour vérifier les messages du moteur.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const errors = page.getByTestId('json-params-errors');
    await errors.getByText(/rateWith : nombre décimal invalide/).waitFor({ timeout: 15_000 });
    expect(await errors.textContent()).toMatch(/unitCost : /);
    await screenshot(page, 'outcome-assumption-422');
    await page.context().close();
  });

  it('exports a list as CSV stamped with its context and protected against formulas', async () => {
    const page = await signedIn('finance@valmont.demo');
    await page.goto(`${base()}/#/unit-costs`);
    await page.getByRole('button', { name: 'CSV' }).waitFor();
    await page.getByText('JOURNEE_EHPAD').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    // the header row first, the stamp in trailing rows after a blank line (issue 13)
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toMatch(/(^\uFEFF|;)Code(;|$)/);
    expect(csv).toMatch(/\r\n\r\nExport Levier;/);
    expect(csv).toMatch(/Version de méthodologie;v2 — /);
    expect(csv).toMatch(/Organisation;CCAS de Valmont/);
    expect(csv).toMatch(/Données au;\d{1,2} [a-zéû.]+ \d{4}/);
    expect(csv).toMatch(/Source de coût unitaire;JOURNEE_EHPAD — /);
    expect(csv.split('\r\n').filter((line) => /^[=+@]/.test(line))).toEqual([]);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^levier-unit-costs-.*\.xlsx$/);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await page.context().close();
  });
});

describe('accessibility of the resource screens (axe-core)', () => {
  const source = axeSource();
  it.each([
    ['periods', 'finance@valmont.demo', '/#/periods'],
    ['custom-indicator-editor', 'admin@valmont.demo', '/#/custom-indicators/create'],
    ['unit-cost-editor', 'admin@valmont.demo', '/#/unit-costs/create'],
  ])('%s has no serious or critical violation', async (name, email, route) => {
    if (!source) return;
    const page = await signedIn(email);
    await page.goto(`${base()}${route}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(600);
    await screenshot(page, `a11y-${name}`);
    expect(await seriousViolations(page, source)).toEqual([]);
    await page.context().close();
  });
});
