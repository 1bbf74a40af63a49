/**
 * A finance director's decimals, typed the French way in a real browser against the product: « 22,50 » in a unit
 * cost's amount is saved, shown back as « 22,50 », and the API holds the decimal string « 22.50 »; « 1 234,56 » with
 * its thousands space becomes « 1234.56 »; text that is no number is refused under the field, in French, naming it.
 */
import type { Page } from 'playwright-core';
import { baseUrl, browserForFile, login, newContext, screenshot } from './browser';
import { DEMO_PASSWORD } from './product';

const browser = browserForFile();
const base = baseUrl;
const SPACES = /[\u202f\u00a0]/g;

/** Valmont's admin through the API: what the API holds, not what the screen shows. */
const asAdmin = async (method: 'GET' | 'DELETE', path: string): Promise<Response> => {
  const login = await fetch(`${base()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@valmont.demo', password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${base()}${path}`, { method, headers: { Authorization: `Bearer ${accessToken}` } });
  if (!res.ok) throw new Error(`${method} ${path} : ${res.status}`);
  return res;
};
const apiUnitCost = async (id: string): Promise<{ amount: string }> => (await (await asAdmin('GET', `/api/unit-costs/${id}`)).json()) as { amount: string };

/** Two decimal strings of the same value, compared as text (« 22.5 » and « 22.50 »): no float. */
const sameDecimal = (a: string, b: string): boolean => {
  const canonical = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);
  return canonical(a) === canonical(b);
};

const amountInput = (page: Page) => page.locator('input[name="amount"]');

describe('decimals typed the French way', () => {
  it('an admin types « 22,50 » in a unit cost, saves, sees « 22,50 » again and the API holds 22.50', async () => {
    const page = await (await newContext(browser())).newPage();
    await login(page, base(), 'admin@valmont.demo');
    await page.goto(`${base()}/#/unit-costs/create`);
    await page.getByLabel(/^Code/).fill('TEST_VIRGULE');
    await page.getByLabel(/^Libellé/).fill('Coût saisi avec une virgule (test navigateur)');
    await page.getByLabel(/^Unité/).fill('jour');
    await page.getByLabel(/^Année de prix/).fill('2024');
    await page.getByLabel(/^Source/).fill('Tarif de test');
    await page.getByLabel(/^Éditeur/).fill('Test navigateur');

    // refused first: not a number, said under the field with its name
    await amountInput(page).fill('22,5 €');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Montant : nombre attendu, par exemple 22,50 ou 1 234,56').waitFor({ timeout: 15_000 });
    await screenshot(page, 'french-decimal-refused');
    expect(page.url()).toMatch(/#\/unit-costs\/create$/);

    // typed key by key, as a person does: the comma stays where it is typed
    await amountInput(page).fill('');
    await amountInput(page).pressSequentially('22,50');
    expect(await amountInput(page).inputValue()).toBe('22,50');
    const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/unit-costs');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // what the browser sends: the decimal string with a dot, every digit typed
    expect((JSON.parse((await posted).postData() ?? '{}') as { amount?: unknown }).amount).toBe('22.50');
    await page.waitForURL(/#\/unit-costs\/[0-9a-f-]{36}\/show$/, { timeout: 15_000 });
    const id = /#\/unit-costs\/([0-9a-f-]{36})\/show$/.exec(page.url())?.[1] ?? '';
    await page.getByText('TEST_VIRGULE').waitFor();
    expect(((await page.locator('main').textContent()) ?? '').replace(SPACES, ' ')).toContain('22,50 €');
    await screenshot(page, 'french-decimal-show');
    // what the API holds: 22.50, written by the API without its trailing zero
    expect(sameDecimal((await apiUnitCost(id)).amount, '22.50')).toBe(true);

    // edited: the form shows the API's decimal in French, and reads a thousands space
    await page.goto(`${base()}/#/unit-costs/${id}`);
    await page.waitForFunction(() => /^22,50?$/.test((document.querySelector('input[name="amount"]') as HTMLInputElement | null)?.value ?? ''), undefined, {
      timeout: 15_000,
    });
    await amountInput(page).fill('1\u202f234,56');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/#\/unit-costs(\?.*)?$/, { timeout: 15_000 }); // saved (pessimistic), back to the list
    expect(sameDecimal((await apiUnitCost(id)).amount, '1234.56')).toBe(true);
    await page.goto(`${base()}/#/unit-costs/${id}/show`);
    await page
      .getByText(/^1[\u202f\u00a0 ]234,56/)
      .first()
      .waitFor({ timeout: 15_000 });
    await page.context().close();
    await asAdmin('DELETE', `/api/unit-costs/${id}`); // the other journeys find the demo's unit costs as seeded
  });
});
