/**
 * Issue 19 in a real browser: the director downloads the dossier méthodologique and a chart's CSV from the dashboard,
 * opens the « Documents » page, and prints the dashboard to PDF (A4 portrait) with every chart inside the page.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { baseUrl, browserForFile, login, newContext, screenshot, SCREENSHOTS } from './browser';

const YEAR = 'from=2024-01&to=2024-12';
const browser = browserForFile();
const base = baseUrl;

const signedIn = async (email: string, viewport?: { width: number; height: number }): Promise<Page> => {
  const context = await newContext(browser(), viewport);
  const page = await context.newPage();
  await login(page, base(), email);
  return page;
};

/** Pages of a pdfkit or Chromium PDF: their page objects are plain dictionaries (no object streams). */
const pdfPageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe('documents for the board, from the dashboard', () => {
  it('downloads the dossier méthodologique and a chart’s CSV from the dashboard, and lists the documents', async () => {
    const page = await signedIn('directeur@valmont.demo');
    await page.goto(`${base()}/#/?orgUnit=VALMONT&${YEAR}`);
    await page.getByTestId('headline-grossSavings-value').waitFor();
    const [dossier] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download-dossier').click()]);
    expect(dossier.suggestedFilename()).toBe('dossier-methodologique-VALMONT-2024-01-2024-12.pdf');
    const pdf = readFileSync((await dossier.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThan(3);

    const series = page.getByTestId('series');
    const [csv] = await Promise.all([page.waitForEvent('download'), series.getByRole('button', { name: /en CSV/ }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toMatch(/^\uFEFFPériode;Coûts évités \(bruts\);/);
    expect(text).toContain('Empreinte SHA-256 du contenu : ');

    await page.getByRole('menuitem', { name: 'Documents' }).click();
    await page.getByTestId('document-fongibilite').waitFor();
    const [statement] = await Promise.all([page.waitForEvent('download'), page.getByTestId('document-fongibilite-pdf').click()]);
    expect(statement.suggestedFilename()).toMatch(/^etat-fongibilite-\d{4}\.pdf$/);
    await screenshot(page, 'documents-page');
    await page.context().close();
  });

  it('prints the dashboard to PDF on A4 portrait with every chart complete', async () => {
    // A4 portrait at 96 dpi: 794 px wide
    const page = await signedIn('directeur@valmont.demo', { width: 794, height: 1123 });
    await page.goto(`${base()}/#/?orgUnit=VALMONT&${YEAR}`);
    await page.getByTestId('headline-grossSavings-value').waitFor();
    await page.getByTestId('series').locator('svg.recharts-surface').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(500);
    const charts = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('.recharts-wrapper > svg.recharts-surface')].map((svg) => {
        const box = svg.getBoundingClientRect();
        const ticks = [...svg.querySelectorAll('.recharts-cartesian-axis-tick text, .recharts-text')].map((t) => t.getBoundingClientRect());
        const card = svg.closest('[data-testid]')?.getAttribute('data-testid') ?? '?';
        return {
          card,
          left: box.left,
          right: box.right,
          width,
          ticksOutside: ticks.filter((t) => t.width > 0 && (t.right > box.right + 2 || t.left < box.left - 2)).length,
        };
      });
    });
    expect(charts.length).toBeGreaterThan(2);
    for (const c of charts) {
      expect({ card: c.card, inside: c.left >= 0 && c.right <= c.width + 1 }).toEqual({ card: c.card, inside: true });
      expect({ card: c.card, ticksOutside: c.ticksOutside }).toEqual({ card: c.card, ticksOutside: 0 });
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(path.join(SCREENSHOTS, 'dashboard-print.pdf'), pdf);
    expect(pdfPageCount(pdf)).toBeGreaterThan(1);
    await screenshot(page, 'dashboard-print-media');
    await page.context().close();
  });
});
