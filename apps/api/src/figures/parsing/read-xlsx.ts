import { Workbook, type CellValue as ExcelCellValue, type Worksheet } from 'exceljs';
import { readFigureTable, type TableRecord } from './figure-table';
import type { CellValue, ReadFiguresResult } from './figure-file.types';

/**
 * A spreadsheet cell as exceljs gives it → a plain cell: numbers stay numbers, date cells stay Dates (exceljs builds
 * them at UTC midnight), rich text is joined, a formula gives its cached result, a hyperlink its text, an error value
 * its code (`#N/A`, which then fails validation as "not a number").
 */
export const plainCell = (value: ExcelCellValue): CellValue => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? null : plainCell(value.result);
  if ('hyperlink' in value) return plainCell(value.text as ExcelCellValue);
  return null;
};

/** Rows of a sheet with their sheet row numbers; empty rows are not listed. */
const sheetRecords = (sheet: Worksheet): TableRecord[] => {
  const records: TableRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const sparse: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      sparse[column - 1] = plainCell(cell.value);
    });
    records.push({ line: rowNumber, cells: Array.from({ length: sparse.length }, (_, i) => sparse[i] ?? null) });
  });
  return records;
};

/**
 * XLSX bytes → RawRows of the first visible sheet that has a figure header (title and blank rows above it skipped).
 * `line` is the sheet row number, as the spreadsheet shows it. Never throws: an unreadable workbook is a file error.
 */
export const readXlsx = async (bytes: Uint8Array): Promise<ReadFiguresResult> => {
  const workbook = new Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy also detaches us from the caller's buffer.
    await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  } catch {
    return {
      ok: false,
      error: {
        code: 'unreadable_xlsx',
        message: 'Classeur Excel illisible ou endommagé : ouvrez-le dans le tableur et enregistrez-le de nouveau au format .xlsx, ou exportez-le en CSV.',
      },
    };
  }
  const sheets = workbook.worksheets.filter((sheet) => sheet.state === 'visible' || sheet.state === undefined);
  let first: ReadFiguresResult | null = null;
  for (const sheet of sheets) {
    const result = readFigureTable(sheetRecords(sheet), { format: 'xlsx', sheet: sheet.name });
    if (result.ok) return result;
    first ??= result;
  }
  return first ?? { ok: false, error: { code: 'empty_file', message: "Le classeur n'a aucune feuille visible à importer." } };
};
