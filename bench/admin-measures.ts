import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size of what the browser loads first: index.html, its entry script and the chunks it preloads. */
export const adminBundleGzipKb = (root: string): { mainKb: number; firstLoadKb: number } | null => {
  const dist = path.join(root, 'apps/admin/dist');
  const indexFile = path.join(dist, 'index.html');
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;
  const entry = [...html.matchAll(/<script[^>]+src="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1])[0];
  return {
    mainKb: Math.round(entry ? gz(entry) : 0),
    firstLoadKb: Math.round(gzipSync(Buffer.from(html)).length / 1024 + assets.reduce((sum, a) => sum + gz(a), 0)),
  };
};

/** Time until the login page is usable in headless Debian chromium (playwright-core; never a downloaded browser). */
export const adminFirstLoadMs = async (url: string): Promise<number | null> => {
  if (!existsSync('/usr/bin/chromium')) return null;
  const { chromium } = await import('playwright-core');
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  // warm the server's static files once, then time a first visit in a browser profile that has never seen the app
  const warm = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'levier-bench-chromium-')), {
    executablePath: '/usr/bin/chromium',
    args,
  });
  await (await warm.newPage()).goto(url, { waitUntil: 'commit' });
  await warm.close();
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'levier-bench-chromium-')), {
    executablePath: '/usr/bin/chromium',
    args,
  });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url);
    await page.waitForSelector('input[type="password"]', { timeout: 15_000 });
    return Math.round(performance.now() - started);
  } finally {
    await context.close();
  }
};
