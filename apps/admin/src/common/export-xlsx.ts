/** XLSX export with exceljs, loaded only when a user asks for it (kept out of the main chunk). */
import { neutralise, stampRows, type ExportContext } from './export';
import { isNumberCell, type ExportTable } from './export-words';

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** A cell value for the sheet: decimal strings as numbers (except codes with leading zeros), texts neutralised. */
export const xlsxValue = (value: unknown): string | number | boolean | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (isNumberCell(value)) return value.decimal.replace(/[-.]/g, '').length <= 15 ? Number(value.decimal) : value.text;
  if (typeof value === 'string') {
    if (DECIMAL.test(value) && !/^-?0\d/.test(value) && value.replace(/[-.]/g, '').length <= 15) return Number(value);
    return neutralise(value);
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return neutralise(value.join(', '));
  return neutralise(JSON.stringify(value));
};

export const xlsxExport = async (table: ExportTable, ctx: ExportContext, sheetNames: { data: string; context: string }): Promise<Blob> => {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Levier';
  workbook.created = new Date();
  const data = workbook.addWorksheet(sheetNames.data.slice(0, 31));
  data.addRow(table.columns.map((h) => neutralise(h)));
  for (const row of table.rows) {
    const added = data.addRow(row.map(xlsxValue));
    // numbers stay numbers (a total can be computed); money shows its € (other numbers: the spreadsheet's general format)
    row.forEach((cell, i) => {
      if (isNumberCell(cell) && cell.money) added.getCell(i + 1).numFmt = '#,##0.00 "€"';
    });
  }
  data.getRow(1).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];
  data.columns.forEach((column) => {
    column.width = 18;
  });
  const context = workbook.addWorksheet(sheetNames.context.slice(0, 31));
  for (const row of stampRows(ctx)) context.addRow(row.map((v) => neutralise(v)));
  context.getColumn(1).width = 30;
  context.getColumn(2).width = 90;
  context.getColumn(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
};
