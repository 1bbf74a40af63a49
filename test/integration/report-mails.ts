import { inflateSync } from 'node:zlib';
import { INestApplicationContext } from '@nestjs/common';
import type { Attachment } from 'mailparser';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { RecomputeService } from '../../apps/api/src/indicators/savings/recompute.service';
import { loginAs } from '../setup/demo-session';
import { CaughtMail, SmtpCatcher, startSmtpCatcher } from '../setup/smtp-catcher';
import { createTestApi, TestApi } from '../setup/test-app';
import { startTestWorker } from '../setup/test-worker';

/** What the report-email integration tests read of received messages (mailparser), and a shared world to send them. */

/** mailparser keeps HTML entities: turn the few mjml writes back into characters. */
export const htmlText = (mail: CaughtMail): string =>
  String(mail.parsed.html)
    .replace(/&nbsp;/g, '\u00A0')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export const attachment = (mail: CaughtMail, contentType: string): Attachment => {
  const found = mail.parsed.attachments.find((a) => a.contentType === contentType);
  if (!found) throw new Error(`pas de pièce jointe ${contentType} (${mail.parsed.attachments.map((a) => a.contentType).join(', ')})`);
  return found;
};

export const mailTo = (mails: readonly CaughtMail[], to: string): CaughtMail => {
  const found = mails.find((m) => m.to.includes(to));
  if (!found) throw new Error(`aucun message pour ${to}`);
  return found;
};

/** A raw header line as received, folded lines joined: `List-Unsubscribe: <http://…>`. */
export const headerLine = (mail: CaughtMail, name: string): string | undefined =>
  mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/\r?\n\s+/g, '');

/** The URL of the `List-Unsubscribe` header (RFC 2369: `<url>`). */
export const listUnsubscribeUrl = (mail: CaughtMail): string => {
  const match = /^List-Unsubscribe:\s*<([^>]+)>$/i.exec(headerLine(mail, 'list-unsubscribe') ?? '');
  if (!match) throw new Error(`en-tête List-Unsubscribe absent ou mal formé : ${headerLine(mail, 'list-unsubscribe')}`);
  return match[1];
};

/** The unsubscribe link of the HTML body. */
export const htmlUnsubscribeUrl = (mail: CaughtMail): string => {
  const match = /href="(http:\/\/[^"]+\/api\/report-subscriptions\/unsubscribe\?token=[^"]+)"/.exec(htmlText(mail));
  if (!match) throw new Error('lien de désabonnement absent du HTML');
  return match[1];
};

export const pathOf = (url: string): string => new URL(url).pathname + new URL(url).search;

/** Windows-1252 bytes 0x80–0x9F, where it differs from Latin-1 (Node's decoder without full ICU treats them as Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const winAnsi = (bytes: Buffer): string => Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');

/**
 * The text lines of a pdfkit PDF: inflates the content streams and reads the `[<hex> kern <hex>] TJ` arrays of the
 * standard fonts, whose bytes are WinAnsi (Windows-1252). Enough to check the words of a summary, not a PDF parser.
 */
export const pdfTextLines = (pdf: Buffer): string[] => {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const stream of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1], 'latin1')).toString('latin1');
    } catch {
      continue; // not deflated: fonts, metadata
    }
    if (!/\bBT\b/.test(content)) continue; // images: no text object
    for (const array of content.matchAll(/\[([^\]\n]*)\]\s*TJ/g)) {
      const hex = [...array[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      lines.push(winAnsi(Buffer.from(hex, 'hex')));
    }
  }
  return lines;
};

export interface ReportsWorld {
  smtp: SmtpCatcher;
  api: TestApi;
  ds: DataSource;
  worker: INestApplicationContext;
  director: { Authorization: string };
  http(): ReturnType<typeof request>;
  subscribe(body: Record<string, unknown>): Promise<string>;
  sendNow(id: string, period: string): Promise<void>;
  close(): Promise<void>;
}

/** A real SMTP server, the API over a fresh database with the demo tenants, indicators computed, and a worker. */
export const startReportsWorld = async (): Promise<ReportsWorld> => {
  const smtp = await startSmtpCatcher();
  const api = await createTestApi({ SMTP_URL: smtp.url, APP_URL: 'http://levier.test:8080' });
  const ds = await api.db.dataSource();
  const seeded = await seedDemo(ds);
  const worker = await startTestWorker(api.db.url, api.queuePrefix);
  await worker.get(RecomputeService).recompute(seeded.organisations.find((o) => o.name === 'CCAS de Valmont')!.id, []);
  const director = await loginAs(api.app, 'directeur@valmont.demo');
  const http = () => request(api.app.getHttpServer());
  return {
    smtp,
    api,
    ds,
    worker,
    director,
    http,
    subscribe: async (body) => (await http().post('/api/report-subscriptions').set(director).send(body).expect(201)).body.id as string,
    sendNow: async (id, period) => {
      await http().post(`/api/report-subscriptions/${id}/send`).set(director).send({ period }).expect(202);
    },
    async close() {
      await worker.close();
      await api.close();
      await smtp.close();
    },
  };
};

/**
 * Registers the usual lifecycle of a reports test file: one world for the file, its inbox emptied before each test.
 * Returns a getter, since the world exists only once `beforeAll` has run.
 */
export const useReportsWorld = (): (() => ReportsWorld) => {
  let world: ReportsWorld | undefined;
  beforeAll(async () => {
    world = await startReportsWorld();
  });
  afterAll(async () => {
    await world?.close();
  });
  beforeEach(() => {
    if (world) world.smtp.messages.length = 0;
  });
  return () => {
    if (!world) throw new Error('monde des rapports non démarré');
    return world;
  };
};
