/** playwright-core driving Debian's chromium (never a downloaded browser), and the journeys' shared steps. */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS, DEMO_PASSWORD } from './product';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots');

export const launchBrowser = async (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // No --user-data-dir here: playwright refuses it on launch() and gives every launch a fresh
      // temporary profile of its own; each journey then has its own isolated context.
    ],
  });

/** A laptop-sized context in French, Paris time. */
export const newContext = (browser: Browser, viewport = { width: 1366, height: 900 }): Promise<BrowserContext> =>
  browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris', acceptDownloads: true });

export const login = async (page: Page, baseUrl: string, email: string): Promise<void> => {
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel(/Adresse électronique/).fill(email);
  await page.getByLabel(/Mot de passe/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /Connexion/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Épargne médico-sociale' }).waitFor({ timeout: 15_000 });
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};

/** axe-core's source: the installed package, or AXE_CORE_PATH. Null when neither is there. */
export const axeSource = (): string | null => {
  const candidates = [process.env.AXE_CORE_PATH];
  try {
    candidates.push(require.resolve('axe-core/axe.min.js'));
  } catch {
    // not installed
  }
  for (const c of candidates) {
    if (!c) continue;
    try {
      return readFileSync(c, 'utf8');
    } catch {
      // next
    }
  }
  return null;
};

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe in the page (WCAG 2.x A/AA rules) and returns the serious and critical violations. */
export const seriousViolations = async (page: Page, source: string): Promise<AxeViolation[]> => {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') forbids an inline <script>.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
};

/** The running product's address, set by the browser layer's global setup (test/browser/jest.config.js). */
export const baseUrl = (): string => {
  const url = process.env.BROWSER_BASE_URL;
  if (!url) throw new Error('BROWSER_BASE_URL manquant : lancez les tests avec -c test/browser/jest.config.js');
  return url;
};

/** One browser for a test file: launched before its tests, closed after them; call the returned function to use it. */
export const browserForFile = (): (() => Browser) => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('navigateur non lancé');
    return browser;
  };
};
