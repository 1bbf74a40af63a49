/** Manual check: `BASE_URL=… node shoot.js email path name` → a full-page screenshot in test-artifacts/screenshots. */
import { launchBrowser, login, newContext, screenshot } from './browser';

const main = async (): Promise<void> => {
  const [email, route, name, width] = process.argv.slice(2);
  const base = process.env.BASE_URL as string;
  const browser = await launchBrowser();
  const context = await newContext(browser, { width: Number(width ?? 1366), height: 900 });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && process.stderr.write(`console: ${m.text()}\n`));
  await login(page, base, email);
  if (route) await page.goto(`${base}/#${route}`);
  await page.waitForTimeout(2500);
  process.stdout.write(`${await screenshot(page, name)}\n`);
  await browser.close();
};
void main();
