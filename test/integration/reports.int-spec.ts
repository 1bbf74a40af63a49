import { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { addSmallUnit } from '../factories/small-unit.factory';
import { RecomputeService } from '../../apps/api/src/indicators/savings/recompute.service';
import { formatEuros, formatFrenchNumber, MASKED_LABEL, offsetSentence } from '../../apps/api/src/reports/french-format';
import { ReportSender } from '../../apps/api/src/reports/report-sender';
import { loginAs } from '../setup/demo-session';
import { startSmtpCatcher, SmtpCatcher } from '../setup/smtp-catcher';
import { createTestApi, TestApi } from '../setup/test-app';
import { startTestWorker } from '../setup/test-worker';
import { attachment, headerLine, htmlText, listUnsubscribeUrl, mailTo } from './report-mails';

interface Summary {
  grossSavings: string | null;
  cost: string | null;
  netSavings: string | null;
  offsetRatio: string | null;
  ranges: { low: { grossSavings: string | null }; high: { grossSavings: string | null } };
  masked: boolean;
  methodologyVersion: { version: number; label: string };
}

const pngSize = (png: Buffer): { width: number; height: number } => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('report emails (real PostgreSQL, Redis, BullMQ worker and SMTP server)', () => {
  let smtp: SmtpCatcher;
  let api: TestApi;
  let ds: DataSource;
  let worker: INestApplicationContext;
  let director: { Authorization: string };
  const http = () => request(api.app.getHttpServer());

  const summaryAs = async (auth: { Authorization: string }, orgUnit: string, period: string): Promise<Summary> =>
    (await http().get('/api/indicators/summary').query({ orgUnit, from: period, to: period }).set(auth).expect(200)).body as Summary;

  const subscribe = async (body: Record<string, unknown>): Promise<string> =>
    (await http().post('/api/report-subscriptions').set(director).send(body).expect(201)).body.id as string;

  const sendNow = async (id: string, period: string): Promise<void> => {
    await http().post(`/api/report-subscriptions/${id}/send`).set(director).send({ period }).expect(202);
  };

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    api = await createTestApi({ SMTP_URL: smtp.url, APP_URL: 'http://levier.test:8080' });
    ds = await api.db.dataSource();
    const seeded = await seedDemo(ds);
    const valmontId = seeded.organisations.find((o) => o.name === 'CCAS de Valmont')!.id;
    await addSmallUnit(ds, valmontId);
    worker = await startTestWorker(api.db.url, api.queuePrefix);
    await worker.get(RecomputeService).recompute(valmontId, []);
    director = await loginAs(api.app, 'directeur@valmont.demo');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
  });

  it('sends each recipient the numbers of the summary endpoint in French, a PNG chart inline and the CSV, XLSX and PDF attachments', async () => {
    const started = Date.now();
    const id = await subscribe({
      name: 'Conseil d’administration',
      recipients: ['directeur@valmont.demo', 'elu@mairie-valmont.test'],
      orgUnits: ['VALMONT'],
      schedule: '0 8 1 * *',
      formats: ['csv', 'xlsx', 'pdf'],
    });
    await sendNow(id, '2024-12');
    const mails = await smtp.waitFor(2);
    const elapsed = Date.now() - started;
    const summary = await summaryAs(director, 'VALMONT', '2024-12');
    const previous = await summaryAs(director, 'VALMONT', '2024-11');
    expect(summary.masked).toBe(false);

    for (const to of ['directeur@valmont.demo', 'elu@mairie-valmont.test']) {
      const mail = mailTo(mails, to);
      expect(mail.parsed.subject).toBe('[Aperçu] Levier — Conseil d’administration — décembre 2024 — CCAS de Valmont');
      const html = htmlText(mail);
      for (const value of [
        summary.grossSavings,
        summary.cost,
        summary.netSavings,
        previous.grossSavings,
        summary.ranges.low.grossSavings,
        summary.ranges.high.grossSavings,
      ]) {
        expect(html).toContain(formatEuros(value));
      }
      expect(html).toContain(offsetSentence(summary.offsetRatio));
      expect(formatEuros(summary.grossSavings)).toMatch(/^\d{1,3}(\u00A0\d{3})*,\d{2}\u00A0€$/);
      expect(html).toContain(`version ${summary.methodologyVersion.version} — ${summary.methodologyVersion.label}`);
      // the admin's hash route, on the report's unit and dates
      expect(html).toMatch(/http:\/\/levier\.test:8080\/#\/\?orgUnit=VALMONT&(amp;)?from=2024-12&(amp;)?to=2024-12/);
      expect(html).toContain('aucune cible définie');
      expect(html).toContain('src="cid:chart-0"');
      expect(listUnsubscribeUrl(mail)).toEqual(expect.stringContaining('http://levier.test:8080/api/report-subscriptions/unsubscribe?token='));
      expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

      const png = attachment(mail, 'image/png');
      expect(png.cid).toBe('chart-0');
      expect(png.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(pngSize(png.content)).toEqual({ width: 1200, height: 520 });
      expect(png.content.length).toBeGreaterThan(5000);

      const csv = attachment(mail, 'text/csv')
        .content.toString('utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      expect(csv[0]).toBe(
        'Unité;Service;Période;Coûts évités (bruts);Coût des services;Épargne médico-sociale nette;Coûts évités pour 1 € investi;Part encaissable;Coûts évités (hypothèse basse);Coûts évités (hypothèse haute)',
      );
      const december = csv.find((l) => l.startsWith('VALMONT;;2024-12;'))!.split(';');
      expect(december[3]).toBe(formatFrenchNumber(summary.grossSavings!, 2));
      expect(december[4]).toBe(formatFrenchNumber(summary.cost!, 2));
      expect(csv.filter((l) => /^VALMONT;;\d{4}-\d{2};/.test(l))).toHaveLength(12);

      const book = new ExcelJS.Workbook();
      await book.xlsx.load(attachment(mail, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').content as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('Série par période')!;
      const row = sheet.getRows(2, 12)!.find((r) => r.getCell(3).value === '2024-12')!;
      expect(row.getCell(4).value).toBeCloseTo(Number(summary.grossSavings), 2);

      const pdf = attachment(mail, 'application/pdf').content;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(2000);
    }
    const log = await http()
      .get('/api/report-deliveries')
      .query({ filter: JSON.stringify({ subscriptionId: id }) })
      .set(director)
      .expect(200);
    expect(log.headers['content-range']).toBe('report-deliveries 0-1/2');
    expect(log.body.map((d: { status: string }) => d.status)).toEqual(['sent', 'sent']);
    expect(log.body[0]).toMatchObject({ preview: true, period: '2024-12', attempts: 1, messageId: `<report-${log.body[0].id}@levier.test>` });
    // the same Message-ID at every attempt: a resend after a crash is recognisably the same message
    expect(smtp.messages.map((m) => m.parsed.messageId).sort()).toEqual(log.body.map((d: { id: string }) => `<report-${d.id}@levier.test>`).sort());
    // a retry of the same job never sends twice
    expect(await worker.get(ReportSender).deliver(log.body[0].id)).toBe('already-sent');
    expect(smtp.messages).toHaveLength(2);
    process.stdout.write(`report emails: 2 rendered and delivered in ${elapsed} ms (chart, CSV, XLSX, PDF)\n`);
  });

  it('names a service’s section by the unit’s and the service’s names, not their codes', async () => {
    const id = await subscribe({
      name: 'Portage',
      recipients: ['directeur@valmont.demo'],
      orgUnits: ['VALMONT'],
      services: ['PORTAGE_REPAS'],
      formats: ['csv'],
    });
    await sendNow(id, '2024-12');
    const html = htmlText(mailTo(await smtp.waitFor(1), 'directeur@valmont.demo'));
    expect(html).toContain('CCAS de Valmont — service Portage de repas à domicile');
    expect(html).not.toMatch(/\(VALMONT\)|service PORTAGE_REPAS/);
  });

  it('masks a scope of fewer than 5 beneficiaries for a plain address, not for the director', async () => {
    const id = await subscribe({
      name: 'Permanence',
      recipients: ['directeur@valmont.demo', 'voisin@exemple.test'],
      orgUnits: ['VALMONT-MINI'],
      formats: ['csv', 'xlsx'],
    });
    await sendNow(id, '2024-12');
    const mails = await smtp.waitFor(2);
    const summary = await summaryAs(director, 'VALMONT-MINI', '2024-12');
    expect(Number(summary.cost)).toBeGreaterThan(0);

    const plain = mailTo(mails, 'voisin@exemple.test');
    const plainHtml = htmlText(plain);
    expect(plainHtml).toContain(MASKED_LABEL);
    expect(plainHtml).not.toContain(formatEuros(summary.cost));
    const csv = attachment(plain, 'text/csv').content.toString('utf8');
    expect(csv).toContain(`VALMONT-MINI;;2024-12;${MASKED_LABEL}`);
    expect(csv).not.toContain(formatFrenchNumber(summary.cost!, 2));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(attachment(plain, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').content as unknown as ArrayBuffer);
    expect(book.getWorksheet('Série par période')!.getRow(2).getCell(4).value).toBe(MASKED_LABEL);

    const own = htmlText(mailTo(mails, 'directeur@valmont.demo'));
    expect(own).toContain(formatEuros(summary.cost));
    expect(own).not.toContain(MASKED_LABEL);
  });

  it('retries a refused delivery with backoff and records the error, then sends it once', async () => {
    const id = await subscribe({ name: 'Reprise', recipients: ['tresorier@valmont.test'], orgUnits: ['VALMONT-SUD'], formats: [] });
    smtp.failNext(1);
    await sendNow(id, '2024-12');
    let row: { status: string; attempts: number; last_error: string | null } | undefined;
    for (let i = 0; i < 100; i += 1) {
      [row] = await ds.query(`SELECT status, attempts, last_error FROM report_delivery WHERE subscription_id = $1`, [id]);
      if (row?.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(row).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringMatching(/451/) });
    await smtp.waitFor(1, 20_000);
    for (let i = 0; i < 50 && row?.status !== 'sent'; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      [row] = await ds.query(`SELECT status, attempts, last_error FROM report_delivery WHERE subscription_id = $1`, [id]);
    }
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(smtp.messages).toHaveLength(1);
  });
});
