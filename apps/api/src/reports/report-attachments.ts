import { NotFoundException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { toCsv } from './csv-export';
import { ReportContent, ReportFormat, ReportIndicator, scopeLabel } from './report-content';
import { coveredLabel, grossRangeText, reportTitleLine, writeRow } from './report-email.template';
import { headlineRows } from './report-headline-rows';
import { reportMessages, writeIndicator } from './report-i18n';
import type { ReportMessages } from './report-messages';
import type { DocumentsService } from '../documents/documents.service';
import type { AuthUser } from '../tenancy/auth-user';
import { REPORT_DOCUMENTS, ReportDocument } from './report-documents';

export interface ReportAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

const COLUMNS: ReportIndicator[] = ['grossSavings', 'cost', 'netSavings', 'offsetRatio', 'cashable'];
const stamp = (m: ReportMessages, c: ReportContent): string => m.files.stamp(c.methodology, m.write.dateTime(c.dataAsOf), m.write.dateTime(c.computedAt));
const scopeLine = (m: ReportMessages, c: ReportContent): string => `${m.scope}${m.colon}${c.sections.map(scopeLabel).join(' ; ')}`;
const header = (m: ReportMessages): string[] => [
  m.files.unit,
  m.files.service,
  m.files.period,
  ...COLUMNS.map((k) => m.indicators[k]),
  m.files.grossLow,
  m.files.grossHigh,
];

/** Series by period, one row per section and period; masked values as the masking label; formula-looking cells neutralised. */
export const reportCsv = (c: ReportContent): ReportAttachment => {
  const m = reportMessages(c.language);
  const rows: string[][] = [header(m)];
  for (const s of c.sections) {
    for (const p of s.series) {
      // a period without data says so in every cell: never 0, never a blank that reads as zero
      const value = (v: string | null): string => (s.masked ? m.write.masked : !p.present ? m.files.noData : v === null ? '' : m.write.number(v, 2));
      rows.push([s.orgUnit.code, s.service ?? '', p.period, ...COLUMNS.map((k) => value(p.values[k])), value(p.values.low), value(p.values.high)]);
    }
  }
  rows.push([], [scopeLine(m, c)], [stamp(m, c)]);
  return {
    filename: `${m.files.baseName(c.period)}.csv`,
    content: Buffer.from(toCsv(rows, m.files.csvSeparator), 'utf8'),
    contentType: 'text/csv; charset=utf-8',
  };
};

/** The same series as an XLSX workbook: numbers as numbers (euro format), masked values as text. */
export const reportXlsx = async (c: ReportContent): Promise<ReportAttachment> => {
  const m = reportMessages(c.language);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Levier';
  wb.created = c.generatedAt;
  const ws = wb.addWorksheet(m.files.sheet);
  const [unit, service, period, ...rest] = header(m);
  ws.columns = [
    { header: unit, key: 'unit', width: 16 },
    { header: service, key: 'service', width: 16 },
    { header: period, key: 'period', width: 10 },
    ...COLUMNS.map((k, i) => ({ header: rest[i], key: k, width: 18, style: { numFmt: k === 'offsetRatio' ? '0.00' : m.files.moneyFormat } })),
    { header: m.files.grossLow, key: 'low', width: 18, style: { numFmt: m.files.moneyFormat } },
    { header: m.files.grossHigh, key: 'high', width: 18, style: { numFmt: m.files.moneyFormat } },
  ];
  ws.getRow(1).font = { bold: true };
  for (const s of c.sections) {
    for (const p of s.series) {
      const value = (v: string | null): number | string | null => (s.masked ? m.write.masked : !p.present ? m.files.noData : v === null ? null : Number(v));
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
  ws.addRow([scopeLine(m, c)]);
  ws.addRow([stamp(m, c)]);
  const buffer = await wb.xlsx.writeBuffer();
  return {
    filename: `${m.files.baseName(c.period)}.xlsx`,
    content: Buffer.from(buffer as ArrayBuffer),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
};

/** A one-or-two-page PDF summary (pdfkit, standard Helvetica: WinAnsi text, hence no-break spaces U+00A0 only). */
export const reportPdf = (c: ReportContent, charts: readonly Buffer[]): Promise<ReportAttachment> =>
  new Promise((resolve, reject) => {
    const m = reportMessages(c.language);
    const labelled = (label: string, value: string): string => `${label}${m.colon}${value}`;
    const doc = new PDFDocument({
      size: 'A4',
      margin: 48,
      info: { Title: `Levier — ${c.subscriptionName} — ${coveredLabel(m, c, c.period)}`, Author: 'Levier' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => resolve({ filename: `${m.files.baseName(c.period)}.pdf`, content: Buffer.concat(chunks), contentType: 'application/pdf' }));
    doc.fillColor('#1f3a5f').font('Helvetica-Bold').fontSize(16).text(`${c.organisationName} — ${c.subscriptionName}`);
    doc.moveDown(0.2).font('Helvetica').fontSize(11).fillColor('#333').text(reportTitleLine(m, c));
    c.sections.forEach((s, index) => {
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#1f3a5f').text(scopeLabel(s));
      doc.font('Helvetica').fontSize(10).fillColor('#222');
      if (!s.hasData) doc.text(m.pdf.noData(coveredLabel(m, c, c.period)));
      // public money first (conventions 2), the all-payer figures under their heading, households apart
      for (const row of headlineRows(m, c, s)) {
        if (row.kind === 'heading') {
          doc.moveDown(0.2).font('Helvetica-Bold').text(row.label).font('Helvetica');
          continue;
        }
        doc.text(
          `${labelled(row.label, writeRow(m, row, row.current, s.masked))}   (${labelled(coveredLabel(m, c, s.previousPeriod), writeRow(m, row, row.previous, s.masked))})`,
        );
      }
      doc.text(labelled(m.offsetRatio, m.write.offsetSentence(s.current.offsetRatio, s.masked)));
      doc.text(labelled(m.pdf.grossRange, grossRangeText(m, s)));
      for (const t of s.targets)
        doc.text(m.pdf.target(t, t.value === null ? m.write.masked : writeIndicator(m, t.indicator as ReportIndicator, t.value, false)));
      const chart = charts[index];
      if (chart) {
        if (doc.y > 560) doc.addPage();
        doc.moveDown(0.4).image(chart, { width: 420 });
      }
    });
    doc.moveDown(1).fontSize(8).fillColor('#555').text(stamp(m, c));
    doc.text(labelled(m.text.dashboard, c.dashboardUrl));
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

/**
 * The documents a subscription attaches (issue 19, item 7), as PDF, each rendered under the recipient's own rights:
 * the dossier méthodologique of every unit of the subscription for the report's range, the fongibilité statement and
 * the in-kind annex of the range's last year. A unit the recipient may not read gives no dossier (404 skipped); any
 * other failure throws, so that the delivery is retried whole.
 */
export const documentAttachments = async (
  documents: DocumentsService,
  user: AuthUser,
  request: { documents: readonly string[]; orgUnits: readonly string[]; from: string; to: string; language: 'fr' | 'en' },
): Promise<ReportAttachment[]> => {
  const wanted = REPORT_DOCUMENTS.filter((d: ReportDocument) => request.documents.includes(d));
  const year = Number(request.to.slice(0, 4));
  const out: ReportAttachment[] = [];
  const add = async (render: () => Promise<{ content: Buffer; contentType: string; fileName: string }>): Promise<void> => {
    try {
      const file = await render();
      out.push({ filename: file.fileName, content: file.content, contentType: file.contentType });
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw error;
    }
  };
  for (const kind of wanted) {
    if (kind === 'dossier-methodologique') {
      for (const orgUnit of request.orgUnits)
        await add(() => documents.dossier(user, { orgUnit, from: request.from, to: request.to }, request.language, 'pdf'));
    } else if (kind === 'fongibilite') {
      await add(async () => documents.render(await documents.fongibilite(user, year, request.language), 'pdf'));
    } else {
      await add(async () => documents.render(await documents.inKind(user, year, request.language), 'pdf'));
    }
  }
  return out;
};
