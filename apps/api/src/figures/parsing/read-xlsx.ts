import { Workbook, type CellValue as ExcelCellValue, type Worksheet } from 'exceljs';
import { readFigureTable, type TableRecord } from './figure-table';
import type { CellValue, FileError, ReadFigures, ReadFiguresResult } from './figure-file.types';
import type { ImportMapping } from './import-mapping';

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

/** A sheet's rows as plain cells, before any header is looked for. */
export interface SheetRecords {
  name: string;
  records: TableRecord[];
}

/**
 * XLSX bytes → the visible sheets' rows as plain cells. The only place that reads cells: swap it for a streaming
 * reader without touching the table interpretation. Never throws: an unreadable workbook is a file error.
 */
export const readXlsxSheets = async (bytes: Uint8Array): Promise<{ ok: true; sheets: SheetRecords[] } | { ok: false; error: FileError }> => {
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
  return { ok: true, sheets: sheets.map((sheet) => ({ name: sheet.name, records: sheetRecords(sheet) })) };
};

/**
 * XLSX bytes → RawRows of every visible sheet that has a figure header (title and blank rows above it skipped), in
 * sheet order; sheets without one (notes, a cover) are left out. With several sheets, each row names its sheet.
 * `line` is the sheet row number, as the spreadsheet shows it. Never throws: an unreadable workbook is a file error.
 */
export const readXlsx = async (bytes: Uint8Array, mapping?: ImportMapping): Promise<ReadFiguresResult> => {
  const read = await readXlsxSheets(bytes);
  if (!read.ok) return read;
  let first: ReadFiguresResult | null = null;
  const found: ReadFigures[] = [];
  for (const sheet of read.sheets) {
    const result = readFigureTable(sheet.records, { format: 'xlsx', sheet: sheet.name }, mapping);
    if (result.ok) found.push(result);
    else first ??= result;
  }
  if (found.length === 0) {
    return first ?? { ok: false, error: { code: 'empty_file', message: "Le classeur n'a aucune feuille visible à importer." } };
  }
  if (found.length === 1) return { ...found[0], rows: found[0].rows.map(({ sheet: _sheet, ...row }) => row) };
  return {
    ...found[0],
    sheet: found.map((f) => f.sheet).join(', '),
    ignoredHeaders: [...new Set(found.flatMap((f) => f.ignoredHeaders))],
    rows: found.flatMap((f) => f.rows),
  };
};
