/**
 * Issue 19 in a real browser, the documents not reached from the dashboard: the director opens a saved simulation in
 * the lever simulator and downloads its « Note pour le conseil » (a PDF whose every page carries the title's document
 * stamp and the same content hash), then ticks « Documents joints » in a report subscription's form, saves, and reads
 * them back in words. (The dossier from the dashboard and the printed dashboard: documents.browser-spec.ts.)
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { pdfPages, squash } from '../setup/pdf-text';
import { baseUrl, browserForFile, login, newContext, screenshot } from './browser';
import { apiGet, apiLogin } from './product';

const browser = browserForFile();
const base = baseUrl;

const signedIn = async (email: string): Promise<Page> => {
  const context = await newContext(browser());
  const page = await context.newPage();
  await login(page, base(), email);
  return page;
};

/** Sends a JSON body to the API as the product's admin does (bearer token, `X-Requested-With`). */
const apiSend = async <T>(method: 'POST' | 'PUT', url: string, token: string, body: unknown): Promise<T> => {
  const res = await fetch(`${base()}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'X-Requested-With': 'levier' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

/** The text of each page of a PDF the product served compressed: its Flate streams inflated, then read as in the API tests. */
const pagesOfCompressedPdf = (pdf: Buffer): string[] => {
  const text = pdf.toString('latin1');
  const inflated = text.replace(/\/Filter\s*\/FlateDecode([\s\S]*?)stream\r?\n([\s\S]*?)\r?\nendstream/g, (_, rest: string, body: string) => {
    return `${rest}stream\n${inflateSync(Buffer.from(body, 'latin1')).toString('latin1')}\nendstream`;
  });
  return pdfPages(Buffer.from(inflated, 'latin1'));
};

/** The title in a PDF's document information (`/Title n 0 R`, then that object's string), as a PDF reader shows it. */
const infoTitle = (pdf: Buffer): string | null => {
  const text = pdf.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(text)?.[1];
  return ref === undefined ? null : (new RegExp(`\\n${ref} 0 obj\\s*\\(([^)]*)\\)`).exec(text)?.[1] ?? null);
};

describe('documents for the board beyond the dashboard', () => {
  it('the director opens a saved simulation and downloads its « Note pour le conseil »', async () => {
    const token = await apiLogin(base(), 'directeur@valmont.demo');
    const name = 'Renfort du SAAD — note au conseil';
    const saved = await apiSend<{ id: string }>('POST', '/api/simulations', token, {
      name,
      scope: { orgUnit: 'VALMONT', from: '2024-01', to: '2024-12' },
      levers: [{ kind: 'scale', service: 'SAAD', factor: '1.1' }],
    });
    const page = await signedIn('directeur@valmont.demo');
    await page.getByRole('menuitem', { name: 'Simulateur de leviers' }).click();
    await page.getByTestId('saved-simulations').getByText(name).waitFor();
    await page.getByRole('button', { name: `Ouvrir ${name}` }).click();
    await page.getByTestId('lever-0').waitFor();
    await expect(page.getByTestId('scope-orgUnit').inputValue()).resolves.toBe('VALMONT');
    await expect(page.getByTestId('scope-from').inputValue()).resolves.toBe('2024-01');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: `Note pour le conseil (PDF) — ${name}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('note-conseil-VALMONT-2024-01-2024-12.pdf');
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(infoTitle(pdf)).toBe('Note pour le conseil');
    const pages = pagesOfCompressedPdf(pdf);
    expect(pages.length).toBeGreaterThan(1);
    const all = squash(pages.join(' '));
    expect(all).toContain(squash('Note pour le conseil'));
    expect(all).toContain(squash(`Simulation « ${name} »`));
    // one content hash, the same on every page, with the page's number
    const hash = /EmpreinteSHA-256ducontenu:([0-9a-f]{64})/.exec(squash(pages[0]))?.[1];
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    pages.forEach((text, i) => {
      expect(squash(text)).toContain(squash(`Empreinte SHA-256 du contenu : ${hash}`));
      expect(squash(text)).toContain(squash(`page ${i + 1} / ${pages.length}`));
      expect(squash(text)).toContain(squash('CCAS de Valmont'));
    });
    // the same note as the API gives for this simulation
    const api = await fetch(`${base()}/api/documents/note-conseil?simulation=${saved.id}&format=html`, { headers: { Authorization: `Bearer ${token}` } });
    expect(api.headers.get('x-content-hash')).toBe(hash);
    await screenshot(page, 'simulation-board-note');
    await page.context().close();
  });

  it('ticks « Documents joints » in a report subscription and saves: the subscription shows them in words', async () => {
    const token = await apiLogin(base(), 'directeur@valmont.demo');
    const { id } = await apiSend<{ id: string }>('POST', '/api/report-subscriptions', token, {
      name: 'Conseil d’administration (documents joints)',
      recipients: ['directeur@valmont.demo'],
      orgUnits: ['VALMONT'],
      schedule: '0 8 5 * *',
    });
    const page = await signedIn('directeur@valmont.demo');
    await page.goto(`${base()}/#/report-subscriptions/${id}`);
    await page.getByText('Documents joints').first().waitFor();
    await page.getByRole('checkbox', { name: 'Dossier méthodologique du périmètre et de la période' }).check();
    await page.getByRole('checkbox', { name: 'État des mouvements de fongibilité de l’exercice' }).check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const shown = page.getByTestId('report-documents');
    await shown.waitFor({ timeout: 15_000 });
    await expect(shown.textContent()).resolves.toBe('Dossier méthodologique du périmètre et de la période ; État des mouvements de fongibilité de l’exercice');
    await screenshot(page, 'report-subscription-documents');
    const read = await apiGet<{ documents: string[] }>(base(), token, `/api/report-subscriptions/${id}`);
    expect(read.documents).toEqual(['dossier-methodologique', 'fongibilite']);
    await page.context().close();
  });
});
