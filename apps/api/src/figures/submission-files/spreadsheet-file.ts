import ExcelJS from 'exceljs';
import { toCsv } from '../../reports/csv-export';

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** A cell: text, or a decimal string written as a number (French comma in CSV, a real number in XLSX). */
export type SheetCell = string | { decimal: string } | null;

export interface SheetFile {
  content: Buffer;
  contentType: string;
  fileName: string;
}

const csvText = (cell: SheetCell): string => (cell === null ? '' : typeof cell === 'string' ? cell : cell.decimal.replace('.', ','));

/**
 * A table (its header row FIRST, then the rows; no preamble) as French CSV (UTF-8 BOM, `;`, formula-looking cells
 * neutralised) or XLSX (bold header, decimals as numbers). `baseName` without extension.
 */
export const writeSheet = async (
  format: SpreadsheetFormat,
  baseName: string,
  sheetName: string,
  header: readonly string[],
  rows: readonly (readonly SheetCell[])[],
): Promise<SheetFile> => {
  if (format === 'csv') {
    return {
      content: Buffer.from(toCsv([header, ...rows.map((r) => r.map(csvText))]), 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${baseName}.csv`,
    };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Levier';
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([...header]);
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row.map((c) => (c === null ? null : typeof c === 'string' ? c : Number(c.decimal))));
  ws.columns.forEach((col, i) => {
    col.width = Math.min(48, Math.max(12, header[i]?.length ?? 0, ...rows.map((r) => csvText(r[i] ?? null).length + 2)));
  });
  return {
    content: Buffer.from(await wb.xlsx.writeBuffer()),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${baseName}.xlsx`,
  };
};
