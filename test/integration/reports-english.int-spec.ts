import ExcelJS from 'exceljs';
import { formatEnglishNumber, formatEurosEn, offsetSentenceEn } from '../../apps/api/src/reports/english-format';
import { attachment, headerLine, htmlText, listUnsubscribeUrl, mailTo, pdfTextLines, useReportsWorld } from './report-mails';

interface Summary {
  grossSavings: string | null;
  cost: string | null;
  netSavings: string | null;
  offsetRatio: string | null;
  ranges: { low: { grossSavings: string | null }; high: { grossSavings: string | null } };
  masked: boolean;
  methodologyVersion: { version: number; label: string };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('report emails in English (real PostgreSQL, Redis, BullMQ worker and SMTP server)', () => {
  const worldOf = useReportsWorld();

  const summaryOf = async (period: string): Promise<Summary> =>
    (await worldOf().http().get('/api/indicators/summary').query({ orgUnit: 'VALMONT', from: period, to: period }).set(worldOf().director).expect(200))
      .body as Summary;

  it('writes an English subscription’s email in English: subject, body, text part, numbers, CSV, XLSX and PDF', async () => {
    const id = await worldOf().subscribe({
      name: 'Board report',
      recipients: ['directeur@valmont.demo'],
      orgUnits: ['VALMONT'],
      language: 'en',
      formats: ['csv', 'xlsx', 'pdf'],
    });
    expect((await worldOf().http().get(`/api/report-subscriptions/${id}`).set(worldOf().director).expect(200)).body.language).toBe('en');
    await worldOf().sendNow(id, '2024-12');
    const mail = mailTo(await worldOf().smtp.waitFor(1), 'directeur@valmont.demo');
    const summary = await summaryOf('2024-12');
    const previous = await summaryOf('2024-11');
    expect(summary.masked).toBe(false);

    expect(mail.parsed.subject).toBe('[Preview] Levier — Board report — December 2024 — CCAS de Valmont');
    expect(headerLine(mail, 'content-language')).toBe('Content-Language: en');
    expect(listUnsubscribeUrl(mail)).toMatch(/^http:\/\/levier\.test:8080\/api\/report-subscriptions\/unsubscribe\?token=/);
    expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    const html = htmlText(mail);
    expect(html).toContain('lang="en"');
    for (const value of [
      summary.grossSavings,
      summary.cost,
      summary.netSavings,
      previous.grossSavings,
      summary.ranges.low.grossSavings,
      summary.ranges.high.grossSavings,
    ])
      expect(html).toContain(formatEurosEn(value));
    expect(html).not.toContain('(VALMONT)'); // the scope in words, its code left out
    // English writing: euro sign first, comma thousands, decimal point
    expect(formatEurosEn(summary.grossSavings)).toMatch(/^€\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(html).toContain(offsetSentenceEn(summary.offsetRatio));
    for (const text of [
      'Social care savings — December 2024 (preview)',
      'Scope: CCAS de Valmont',
      '>Indicator<',
      '>December 2024<',
      '>November 2024<',
      '>Change<',
      'Avoided costs (gross)',
      'Cost of services',
      'Avoided costs: <strong>',
      'Alerts and targets: no target set for 2024 in this scope.',
      `Methodology: version ${summary.methodologyVersion.version} — ${summary.methodologyVersion.label}`,
      'Open the dashboard',
      'You receive this report because you are a recipient of the subscription “Board report”.',
      '>Unsubscribe</a> (no login needed).',
      'alt="Chart: avoided costs and cost of services by period, CCAS de Valmont"',
    ])
      expect(html).toContain(text);
    expect(html).not.toMatch(/Épargne|Indicateur|Évolution|Périmètre|Méthodologie|tableau de bord|désabonner|décembre|\d,\d{2}\u00A0€/);

    const text = String(mail.parsed.text);
    expect(text).toContain(`Avoided costs (gross): ${formatEurosEn(summary.grossSavings)} (November 2024: ${formatEurosEn(previous.grossSavings)})`);
    expect(text).toContain('Unsubscribe: http://levier.test:8080/api/report-subscriptions/unsubscribe?token=');
    expect(text).not.toMatch(/Épargne|Fourchette|Se désabonner/);

    expect(mail.parsed.attachments.find((a) => a.contentType === 'image/png')?.filename).toBe('chart-1.png');

    const csvFile = attachment(mail, 'text/csv');
    expect(csvFile.filename).toBe('levier-report-2024-12.csv');
    const csv = csvFile.content
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[0]).toBe(
      'Unit,Service,Period,Avoided costs (gross),Cost of services,Net medico-social savings,Avoided costs per €1 invested,Cashable share,Avoided costs (low),Avoided costs (high)',
    );
    // English numbers hold a comma: the CSV quotes them
    const december = csv.find((l) => l.startsWith('VALMONT,,2024-12,'))!;
    expect(december).toContain(`"${formatEnglishNumber(summary.grossSavings!, 2)}"`);
    expect(december).toContain(`"${formatEnglishNumber(summary.cost!, 2)}"`);
    expect(csv).toContain('Scope: CCAS de Valmont');
    expect(
      csv.some(
        (l) =>
          l.startsWith(`"Methodology v${summary.methodologyVersion.version} — ${summary.methodologyVersion.label}`) ||
          l.startsWith(`Methodology v${summary.methodologyVersion.version} — ${summary.methodologyVersion.label}`),
      ),
    ).toBe(true);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(attachment(mail, XLSX).content as unknown as ArrayBuffer);
    expect(attachment(mail, XLSX).filename).toBe('levier-report-2024-12.xlsx');
    const sheet = book.getWorksheet('Series by period')!;
    expect(sheet).toBeDefined();
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(csv[0].split(','));
    const row = sheet.getRows(2, 12)!.find((r) => r.getCell(3).value === '2024-12')!;
    expect(row.getCell(4).value).toBeCloseTo(Number(summary.grossSavings), 2);
    expect(row.getCell(4).numFmt).toBe('"€"#,##0.00');

    const pdf = attachment(mail, 'application/pdf');
    expect(pdf.filename).toBe('levier-report-2024-12.pdf');
    const lines = pdfTextLines(pdf.content);
    expect(lines).toContain('Social care savings — December 2024 (preview)');
    expect(lines).toContain(`Avoided costs (gross): ${formatEurosEn(summary.grossSavings)}   (November 2024: ${formatEurosEn(previous.grossSavings)})`);
    expect(lines).toContain(`Avoided costs: ${offsetSentenceEn(summary.offsetRatio)}`);
    expect(lines.join('\n')).not.toMatch(/Épargne|Fourchette|Tableau de bord/);
  });

  it('leaves a subscription without language in French', async () => {
    const id = await worldOf().subscribe({ name: 'Conseil', recipients: ['directeur@valmont.demo'], orgUnits: ['VALMONT'], formats: ['pdf'] });
    expect((await worldOf().http().get(`/api/report-subscriptions/${id}`).set(worldOf().director).expect(200)).body.language).toBe('fr');
    await worldOf().sendNow(id, '2024-12');
    const mail = mailTo(await worldOf().smtp.waitFor(1), 'directeur@valmont.demo');
    expect(mail.parsed.subject).toBe('[Aperçu] Levier — Conseil — décembre 2024 — CCAS de Valmont');
    expect(headerLine(mail, 'content-language')).toBe('Content-Language: fr');
    expect(pdfTextLines(attachment(mail, 'application/pdf').content)).toContain('Épargne médico-sociale — décembre 2024 (aperçu)');
  });

  it('refuses an unknown language with a French message', async () => {
    const res = await worldOf()
      .http()
      .post('/api/report-subscriptions')
      .set(worldOf().director)
      .send({ name: 'Bericht', recipients: ['directeur@valmont.demo'], orgUnits: ['VALMONT'], language: 'de' })
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('language : langue du rapport attendue, fr ou en (français par défaut)');
  });
});
