import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { toCsv } from './csv-export';
import { formatEuros, formatFrenchNumber, formatParisDateTime, MASKED_LABEL, offsetSentence, periodLabel } from './french-format';
import { INDICATOR_LABELS, ReportContent, ReportFormat, ReportIndicator, scopeLabel } from './report-content';
import { formatIndicator } from './report-email.template';

export interface ReportAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

const COLUMNS: ReportIndicator[] = ['grossSavings', 'cost', 'netSavings', 'offsetRatio', 'cashable'];
const stamp = (c: ReportContent): string =>
  `Méthodologie ${c.methodology ? `v${c.methodology.version} (${c.methodology.label})` : 'non publiée'} ; données au ${formatParisDateTime(c.dataAsOf)} ; calculé le ${formatParisDateTime(c.computedAt)}`;

const baseName = (c: ReportContent): string => `levier-rapport-${c.period}`;

/** Series by period, one row per section and period; masked values as the masking label; formula-looking cells neutralised. */
export const reportCsv = (c: ReportContent): ReportAttachment => {
  const header = ['Unité', 'Service', 'Période', ...COLUMNS.map((k) => INDICATOR_LABELS[k]), 'Épargne brute basse', 'Épargne brute haute'];
  const rows: string[][] = [header];
  for (const s of c.sections) {
    for (const p of s.series) {
      const value = (v: string | null): string => (s.masked ? MASKED_LABEL : !p.present || v === null ? '' : formatFrenchNumber(v, 2));
      rows.push([s.orgUnit.code, s.service ?? '', p.period, ...COLUMNS.map((k) => value(p.values[k])), value(p.values.low), value(p.values.high)]);
    }
  }
  rows.push([], [`Périmètre : ${c.sections.map(scopeLabel).join(' ; ')}`], [stamp(c)]);
  return { filename: `${baseName(c)}.csv`, content: Buffer.from(toCsv(rows), 'utf8'), contentType: 'text/csv; charset=utf-8' };
};

/** The same series as an XLSX workbook: numbers as numbers (euro format), masked values as text. */
export const reportXlsx = async (c: ReportContent): Promise<ReportAttachment> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Levier';
  wb.created = c.generatedAt;
  const ws = wb.addWorksheet('Série par période');
  ws.columns = [
    { header: 'Unité', key: 'unit', width: 16 },
    { header: 'Service', key: 'service', width: 16 },
    { header: 'Période', key: 'period', width: 10 },
    ...COLUMNS.map((k) => ({ header: INDICATOR_LABELS[k], key: k, width: 18, style: { numFmt: k === 'offsetRatio' ? '0.00' : '#,##0.00 "€"' } })),
    { header: 'Épargne brute basse', key: 'low', width: 18, style: { numFmt: '#,##0.00 "€"' } },
    { header: 'Épargne brute haute', key: 'high', width: 18, style: { numFmt: '#,##0.00 "€"' } },
  ];
  ws.getRow(1).font = { bold: true };
  for (const s of c.sections) {
    for (const p of s.series) {
      const value = (v: string | null): number | string | null => (s.masked ? MASKED_LABEL : !p.present || v === null ? null : Number(v));
      ws.addRow({
        unit: s.orgUnit.code,
        service: s.service ?? '',
        period: p.period,
        ...Object.fromEntries(COLUMNS.map((k) => [k, value(p.values[k])])),
        low: value(p.values.low),
        high: value(p.values.high),
      });
    }
  }
  ws.addRow([]);
  ws.addRow([`Périmètre : ${c.sections.map(scopeLabel).join(' ; ')}`]);
  ws.addRow([stamp(c)]);
  const buffer = await wb.xlsx.writeBuffer();
  return {
    filename: `${baseName(c)}.xlsx`,
    content: Buffer.from(buffer as ArrayBuffer),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
};

/** A one-or-two-page PDF summary (pdfkit, standard Helvetica: WinAnsi text, hence no-break spaces U+00A0 only). */
export const reportPdf = (c: ReportContent, charts: readonly Buffer[]): Promise<ReportAttachment> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Levier — ${c.subscriptionName} — ${periodLabel(c.period)}`, Author: 'Levier' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => resolve({ filename: `${baseName(c)}.pdf`, content: Buffer.concat(chunks), contentType: 'application/pdf' }));
    doc.fillColor('#1f3a5f').font('Helvetica-Bold').fontSize(16).text(`${c.organisationName} — ${c.subscriptionName}`);
    doc
      .moveDown(0.2)
      .font('Helvetica')
      .fontSize(11)
      .fillColor('#333')
      .text(`Épargne médico-sociale — ${periodLabel(c.period)}${c.preview ? ' (aperçu)' : ''}`);
    c.sections.forEach((s, index) => {
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#1f3a5f').text(scopeLabel(s));
      doc.font('Helvetica').fontSize(10).fillColor('#222');
      if (!s.hasData) doc.text(`Aucune donnée calculée pour ${periodLabel(c.period)} sur ce périmètre.`);
      for (const k of c.indicators) {
        doc.text(
          `${INDICATOR_LABELS[k]} : ${formatIndicator(k, s.current[k], s.masked)}   (${periodLabel(s.previousPeriod)} : ${formatIndicator(k, s.previous[k], s.masked)})`,
        );
      }
      doc.text(`Taux de compensation : ${offsetSentence(s.current.offsetRatio, s.masked)}`);
      doc.text(`Fourchette de l'épargne brute : ${s.masked ? MASKED_LABEL : `${formatEuros(s.current.low)} – ${formatEuros(s.current.high)}`}`);
      for (const t of s.targets)
        doc.text(
          `${t.label} : cumul ${t.year} ${t.value === null ? MASKED_LABEL : formatIndicator(t.indicator as ReportIndicator, t.value, false)} ; état : ${t.status}`,
        );
      const chart = charts[index];
      if (chart) {
        if (doc.y > 560) doc.addPage();
        doc.moveDown(0.4).image(chart, { width: 420 });
      }
    });
    doc.moveDown(1).fontSize(8).fillColor('#555').text(stamp(c));
    doc.text(`Tableau de bord : ${c.dashboardUrl}`);
    doc.end();
  });

export const buildAttachments = async (c: ReportContent, formats: readonly ReportFormat[], charts: readonly Buffer[]): Promise<ReportAttachment[]> => {
  const out: ReportAttachment[] = [];
  for (const format of formats) {
    if (format === 'csv') out.push(reportCsv(c));
    else if (format === 'xlsx') out.push(await reportXlsx(c));
    else out.push(await reportPdf(c, charts));
  }
  return out;
};
