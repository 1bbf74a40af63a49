/**
 * A first visit without a session (issue 14, the first hour): the product's bare address shows the login page at once,
 * without react-admin's logout → /login loop (thousands of navigations, 10–20 s of blank page: marmelab/react-admin#10885),
 * and a page asked for before signing in is the one shown after.
 */
import { baseUrl, browserForFile, newContext } from './browser';
import { DEMO_PASSWORD } from './product';

const browser = browserForFile();

/** Counts the app's navigations (history.pushState) from the first script on. */
const countNavigations = (): void => {
  const w = window as unknown as { __navigations: number };
  w.__navigations = 0;
  const push = history.pushState.bind(history);
  history.pushState = (...args: Parameters<History['pushState']>) => {
    w.__navigations += 1;
    return push(...args);
  };
};

describe('a first visit without a session', () => {
  it('shows the login page at the bare address with no navigation loop', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.addInitScript(countNavigations);
    await page.goto(`${baseUrl()}/`);
    await page.getByLabel(/Mot de passe/).waitFor();
    expect(page.url()).toMatch(/#\/login$/);
    // let any loop show itself, then count: a settled page has navigated at most once
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => (window as unknown as { __navigations: number }).__navigations)).toBeLessThanOrEqual(1);
    await context.close();
  });

  it('lands on the page asked for once signed in', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/#/periods`);
    await page.getByLabel(/Adresse électronique/).fill('finance@valmont.demo');
    await page.getByLabel(/Mot de passe/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /Connexion/ }).click();
    await page.waitForURL(/#\/periods$/);
    await page.getByTestId('period-actions').waitFor();
    expect(page.url()).toMatch(/#\/periods$/);
    await context.close();
  });
});
