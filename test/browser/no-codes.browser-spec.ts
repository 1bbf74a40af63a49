/**
 * « Words, not codes »: on the demo data, the director, the finance director and the admin open the dashboard and
 * every entry of their menu; the text they can read (document.body.innerText: input values are not part of it, URLs
 * are taken out) holds none of the catalogue's codes, read from the API (org units, services, metrics, custom
 * indicators), nor the internal enum words below.
 * The test first adds, through the API, a custom indicator and two targets whose thresholds are crossed, so that the
 * dashboard's alerts and the targets' screens have something to show.
 */
import type { Page } from 'playwright-core';
import { baseUrl, browserForFile, login, newContext, screenshot } from './browser';
import { DEMO_PASSWORD } from './product';

const browser = browserForFile();
const base = baseUrl;

/** Internal enum words of the API that have a French label everywhere they are shown. */
const ENUM_WORDS = ['draft', 'submitted', 'approved', 'reopened', 'previewed', 'discarded', 'counterfactual', 'observed', 'grid', 'outlier', 'spend'];

/**
 * Pages where a code IS what the user manages, per route (the part after `#`): the codes allowed there and why.
 * Keep it tiny: each entry is a screen of the reference data whose « Code » column is the key the user types in
 * imports and formulas.
 */
const ALLOWED: Record<string, { codes: 'catalogue'; why: string }> = {
  // the services reference: its « Code » column is the key of the import files and of the formulas (admin only)
  '/services': { codes: 'catalogue', why: 'colonne Code du référentiel des services' },
  // the org units reference: its « Code » column is the key of the import files (admin only)
  '/org-units': { codes: 'catalogue', why: 'colonne Code du référentiel des unités' },
  // the metrics reference: its « Code » column is what formulas write as #{code} (admin only)
  '/metrics': { codes: 'catalogue', why: 'colonne Code du référentiel des mesures' },
  // custom indicators: their « Code » column is the identifier the admin chose and formulas reuse
  '/custom-indicators': { codes: 'catalogue', why: 'colonne Code des indicateurs personnalisés' },
};

const CUSTOM = { code: 'taux_portage_nc', label: 'Taux de portage (essai sans codes)' };
const YEAR = 2024;
const UNIT = 'VALMONT-NORD';

const api = async <T>(token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
  const res = await fetch(`${base()}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} : ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

const tokenOf = async (email: string): Promise<string> => {
  const res = await fetch(`${base()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email} : ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
};

interface CatalogueRow {
  code: string;
  label?: string;
  name?: string;
}

const rowsOf = (token: string, resource: string): Promise<CatalogueRow[]> => api<CatalogueRow[]>(token, `/${resource}?range=${encodeURIComponent('[0,199]')}`);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A code as a word of its own: not inside a longer identifier or word (case-sensitive, as codes are written). */
const codePattern = (code: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}_.-])${escape(code)}(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}_])`, 'u');

/**
 * The codes a text shows, each with a few words around it. The catalogue's labels are taken out first: they are the
 * organisation's own words and may hold an acronym that is also a code (« Aide à domicile renforcée (SAAD) »).
 */
const leaks = (shown: string, codes: readonly string[], labels: readonly string[]): string[] => {
  // charts break a label over lines (SVG tspans): its spaces may come out as a line break or as nothing
  const text = labels.reduce((t, label) => t.replace(new RegExp(label.split(/\s+/).map(escape).join('\\s*'), 'gu'), ' '), shown);
  return codes.flatMap((code) => {
    const match = codePattern(code).exec(text);
    return match ? [`« ${code} » dans « …${text.slice(Math.max(0, match.index - 40), match.index + code.length + 40).replace(/\s+/g, ' ')}… »`] : [];
  });
};

/** Waits until the page has no request in flight for half a second (lists, charts and alerts all loaded). */
const settle = async (page: Page, inFlight: Set<unknown>): Promise<void> => {
  const deadline = Date.now() + 20_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    if (inFlight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 500) break;
  }
  await page.waitForFunction(() => !document.body.innerText.includes('Chargement'), undefined, { timeout: 15_000 }).catch(() => undefined);
};

/** What the user reads, URLs aside. */
const visibleText = async (page: Page): Promise<string> => (await page.evaluate(() => document.body.innerText)).replace(/https?:\/\/\S+/g, ' ');

const signedIn = async (email: string): Promise<{ page: Page; inFlight: Set<unknown> }> => {
  const page = await (await newContext(browser())).newPage();
  const inFlight = new Set<unknown>();
  page.on('request', (r) => inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  await login(page, base(), email);
  return { page, inFlight };
};

let catalogue: string[] = [];
let labels: string[] = [];

beforeAll(async () => {
  const admin = await tokenOf('admin@valmont.demo');
  const existing = await rowsOf(admin, 'custom-indicators');
  if (!existing.some((c) => c.code === CUSTOM.code)) {
    await api(admin, '/custom-indicators', {
      method: 'POST',
      body: { code: CUSTOM.code, label: CUSTOM.label, unit: 'repas par mois-personne', numerator: '#{spend.SAAD}', denominator: '#{person_months}' },
    });
    // thresholds every value crosses: the dashboard lists both targets as alerts
    await api(admin, '/indicator-targets', { method: 'POST', body: { indicator: CUSTOM.code, orgUnit: UNIT, year: YEAR, alertBelow: '1000000000' } });
    await api(admin, '/indicator-targets', { method: 'POST', body: { indicator: 'offsetRatio', orgUnit: UNIT, year: YEAR, alertBelow: '1000000000' } });
  }
  const rows = (await Promise.all(['org-units', 'services', 'metrics', 'custom-indicators'].map((resource) => rowsOf(admin, resource)))).flat();
  catalogue = [...new Set(rows.map((r) => r.code))];
  // longest first, so that a label holding a shorter one is taken out whole
  labels = [...new Set(rows.flatMap((r) => [r.label, r.name]).filter((l): l is string => Boolean(l)))].sort((a, b) => b.length - a.length);
});

describe('no codes on screen', () => {
  it('reads the catalogue codes from the API, the demo units, services, metrics and the custom indicator among them', () => {
    expect(catalogue).toEqual(expect.arrayContaining([UNIT, 'PORTAGE_REPAS', 'SAAD', 'person_months', 'observed.placement_evite', CUSTOM.code]));
  });

  it.each(['directeur@valmont.demo', 'finance@valmont.demo', 'admin@valmont.demo'])(
    '%s reads words, not codes, on the dashboard and every menu entry',
    async (email) => {
      const { page, inFlight } = await signedIn(email);
      const found: string[] = [];
      const check = async (route: string, what: string): Promise<void> => {
        const allowed = ALLOWED[route];
        const text = await visibleText(page);
        // on an allowed page the catalogue's codes may show (« spend » is a metric's code there), the other enum words may not
        const words = allowed ? ENUM_WORDS.filter((w) => !catalogue.includes(w)) : [...catalogue, ...ENUM_WORDS];
        found.push(...leaks(text, words, labels).map((l) => `${what} (${route}) : ${l}`));
      };

      // the dashboard on a unit and a year with targets, then its scope selector opened on the unit tree
      const dashboard = `/?orgUnit=${UNIT}&from=${YEAR}-01&to=${YEAR}-12`;
      await page.goto(`${base()}/#${dashboard}`);
      await page.getByTestId(`alert-${CUSTOM.code}`).waitFor({ timeout: 30_000 });
      await settle(page, inFlight);
      await check('/', 'tableau de bord');
      const alertsText = (await page.getByTestId('alerts').innerText()).replace(/\s+/g, ' ');
      await screenshot(page, `no-codes-dashboard-${email.split('@')[0]}`);
      await page.locator('#scope-org-unit').click();
      await page.getByRole('listbox').waitFor();
      await check('/', 'sélecteur d’unité du tableau de bord');
      await page.keyboard.press('Escape');

      const routes = await page
        .locator('[class*="RaSidebar"] a[href^="#/"], [class*="RaMenu"] a[href^="#/"]')
        .evaluateAll((links) => [...new Set(links.map((a) => (a.getAttribute('href') ?? '').slice(1)))].filter((r) => r !== '/'));
      expect(routes.length).toBeGreaterThan(3);
      for (const route of routes) {
        await page.goto(`${base()}/#${route}`);
        await settle(page, inFlight);
        await check(route, 'menu');
      }
      await page.context().close();
      expect(found).toEqual([]);
      // the alerts name the indicator and the unit in words
      expect(alertsText).toContain(CUSTOM.label);
      expect(alertsText).toContain('Antenne Valmont Nord');
    },
  );
});
