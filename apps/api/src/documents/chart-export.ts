import ExcelJS from 'exceljs';
import { toCsv } from '../reports/csv-export';
import { writeDecimal } from '../reports/decimal-writing';
import { contentHash } from './document-hash';
import type { DocumentLanguage, DocumentStamp } from './document-model';
import { documentWords } from './document-words';
import type { ExportChart } from './document-query.dto';

/** One cell of a chart's table: text, or a decimal string written as a number (money, ratio or count). */
export type ExportCell = { text: string } | { number: string | null; kind: 'money' | 'ratio' | 'count' };

export interface ChartTable {
  chart: ExportChart;
  language: DocumentLanguage;
  title: string;
  headers: string[];
  rows: ExportCell[][];
  stamp: DocumentStamp;
  /** The data behind it (same role as a document's basis): what the hash covers. */
  basis: unknown;
}

export interface ChartFile {
  content: Buffer;
  contentType: string;
  fileName: string;
  hash: string;
}

const stampLines = (t: ChartTable, hash: string): string[][] => {
  const w = documentWords(t.language);
  const s = t.stamp;
  return [
    [t.title],
    [`${w.stamp.organisation}${w.colon}${s.organisation}`],
    [`${w.stamp.scope}${w.colon}${s.scope}`],
    [`${w.stamp.period}${w.colon}${s.period}`],
    [`${w.stamp.methodology}${w.colon}${s.methodology} — ${s.conventions}`],
    [`${w.stamp.dataAsOf}${w.colon}${s.dataAsOf} — ${w.stamp.computedAt.toLowerCase()} ${s.computedAt}`],
    [`${w.stamp.hash}${w.colon}${hash}`],
  ];
};

/** French CSV numbers: decimal comma, no grouping (spreadsheets read `1234,56` as a number); English: a point. */
const csvNumber = (language: DocumentLanguage, value: string | null, decimals: number): string =>
  value === null ? '' : writeDecimal(value, decimals, { group: '', decimal: language === 'fr' ? ',' : '.' });

const decimalsOf = (kind: 'money' | 'ratio' | 'count'): number => (kind === 'count' ? 2 : 2);

const fileName = (t: ChartTable): string => `levier-${t.chart}-${t.stamp.period.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}`;

/**
 * A dashboard chart's data as CSV: UTF-8 with BOM, `;` (French) or `,` (English), formula-looking cells neutralised
 * (`reports/csv-export.ts`), the stamp and content hash below a blank line.
 */
export const chartCsv = (t: ChartTable): ChartFile => {
  const hash = contentHash({ kind: `chart-${t.chart}`, basis: t.basis });
  const rows: string[][] = [
    t.headers,
    ...t.rows.map((r) => r.map((c) => ('text' in c ? c.text : csvNumber(t.language, c.number, decimalsOf(c.kind))))),
    [],
    ...stampLines(t, hash),
  ];
  return {
    content: Buffer.from(toCsv(rows, t.language === 'fr' ? ';' : ','), 'utf8'),
    contentType: 'text/csv; charset=utf-8',
    fileName: `${fileName(t)}.csv`,
    hash,
  };
};

/** The same as an XLSX workbook (exceljs): numbers as numbers with euro or ratio formats, the stamp below the table. */
export const chartXlsx = async (t: ChartTable): Promise<ChartFile> => {
  const hash = contentHash({ kind: `chart-${t.chart}`, basis: t.basis });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Levier';
  const ws = wb.addWorksheet(t.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  ws.addRow(t.headers).font = { bold: true };
  for (const r of t.rows) {
    const row = ws.addRow(r.map((c) => ('text' in c ? c.text : c.number === null ? null : Number(c.number))));
    r.forEach((c, i) => {
      if (!('text' in c)) row.getCell(i + 1).numFmt = c.kind === 'money' ? '#,##0.00 "€"' : '0.00';
    });
  }
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 36 : 20;
  });
  ws.addRow([]);
  for (const line of stampLines(t, hash)) ws.addRow(line);
  const buffer = await wb.xlsx.writeBuffer();
  return {
    content: Buffer.from(buffer as ArrayBuffer),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${fileName(t)}.xlsx`,
    hash,
  };
};
