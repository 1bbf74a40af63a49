import { stream as excelStream, type CellValue as ExcelCellValue, type Row } from 'exceljs';
import { readFigureTableInSlices, type TableRecord } from './figure-table';
import { LoopSlicer } from '../../platform/event-loop/loop-slicer';
import type { CellValue, FileError, ReadFigures, ReadFiguresResult } from './figure-file.types';
import type { ImportMapping } from './import-mapping';
import { DEFAULT_XLSX_LIMITS, inflateEntry, megabytes, readZipDirectory, zipStream, type XlsxLimits, type ZipEntry } from './xlsx-zip-limits';

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

/** What the streaming reader hands over per sheet; exceljs's typings omit the name and state it sets. */
interface StreamedSheet extends AsyncIterable<Row> {
  name: string;
  state?: string;
}
/** The parts of the streaming workbook reader read after the sheets: tab order and the 1904 date system. */
interface StreamedWorkbook {
  model?: { sheets?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

/** A formula's cached error (`#N/A`…): the streaming reader keeps no trace of its code. */
const FORMULA_ERROR = '#ERREUR';

/** Excel's `_xHHHH_` escapes (a carriage return is `_x000D_`), which the full reader decoded and the streaming one keeps. */
const decodeEscapes = (text: string): string => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

const DATE_FORMAT = /[ymdhMsb]/;
const isDateFormat = (format: string | undefined): boolean =>
  format !== undefined && DATE_FORMAT.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** A serial day number → a Date, as exceljs does for a date cell (1900 or 1904 system). */
const excelDate = (serial: number, date1904: boolean): Date => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/**
 * A cell of the streaming reader → the plain cell the full reader gave: it does not turn a date-formatted formula result
 * into a Date, loses a formula's error code and leaves `_x000D_` escapes in text; this puts back what it can. Known
 * differences: a formula error reads `#ERREUR` instead of its code (still "not a number"), a boolean formula result 1/0.
 */
const streamedCell = (value: ExcelCellValue, numFmt: string | undefined, date1904: boolean): CellValue => {
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    // an error result (`<v>#N/A</v>`) arrives without any result, like a formula never computed: both become an error text
    if (value.result === undefined || (typeof value.result === 'number' && Number.isNaN(value.result))) return FORMULA_ERROR;
    if (typeof value.result === 'number') return isDateFormat(numFmt) ? excelDate(value.result, date1904) : value.result;
  }
  const plain = plainCell(value);
  return typeof plain === 'string' ? decodeEscapes(plain) : plain;
};

/** A sheet's rows as plain cells, before any header is looked for. */
export interface SheetRecords {
  name: string;
  records: TableRecord[];
}

type SheetsResult = { ok: true; sheets: SheetRecords[] } | { ok: false; error: FileError };

const UNREADABLE: FileError = {
  code: 'unreadable_xlsx',
  message: 'Classeur Excel illisible ou endommagé : ouvrez-le dans le tableur et enregistrez-le de nouveau au format .xlsx, ou exportez-le en CSV.',
};
const SPLIT_ADVICE =
  'découpez-le en plusieurs fichiers (par exemple un par trimestre ou par unité), ou retirez les feuilles et colonnes inutiles, puis renvoyez-le.';
const tooLarge = (limits: XlsxLimits, declared: number | null): FileError => ({
  code: 'too_large',
  message:
    `Classeur Excel trop volumineux une fois décompressé : ${declared === null || !Number.isFinite(declared) ? 'plus de ' + megabytes(limits.maxUncompressedBytes) : megabytes(declared)} ` +
    `pour une limite de ${megabytes(limits.maxUncompressedBytes)} ; il n’a pas été lu : ${SPLIT_ADVICE}`,
});
const tooManyCells = (limits: XlsxLimits, sheet: string, line: number): FileError => ({
  code: 'too_large',
  line,
  message:
    `Classeur Excel trop volumineux : plus de ${limits.maxCells.toLocaleString('fr-FR')} cellules remplies, limite atteinte à la ligne ${line} ` +
    `de la feuille « ${sheet} » ; la lecture s’est arrêtée là : ${SPLIT_ADVICE}`,
});
const lyingSize = (entry: ZipEntry): FileError => ({
  code: 'unreadable_xlsx',
  message: `Classeur Excel refusé : la partie « ${entry.name} » se décompresse en plus que la taille annoncée (fichier endommagé ou piégé). Enregistrez-le de nouveau depuis le tableur.`,
});

const WORKSHEET = /^xl\/worksheets\/sheet\d+[.]xml$/;
/** Read first, so that the sheets (which need them) are streamed rather than spooled to temporary files. */
const PARTS_FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g;

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
const columnNumber = (letters: string): number => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/** Collects `<mergeCell ref="A1:B3"/>` from a sheet's inflated XML, chunk by chunk (a tag may straddle two chunks). */
const mergeScanner = (): { push: (chunk: Buffer) => void; ranges: MergeRange[] } => {
  const ranges: MergeRange[] = [];
  let tail = '';
  return {
    ranges,
    push: (chunk) => {
      const text = tail + chunk.toString('latin1');
      for (const m of text.matchAll(MERGE)) {
        if ((m.index ?? 0) + m[0].length <= tail.length) continue; // found with the previous chunk
        ranges.push({ left: columnNumber(m[1]), top: Number(m[2]), right: columnNumber(m[3]), bottom: Number(m[4]) });
      }
      tail = text.slice(-256);
    },
  };
};

/**
 * Every cell of a merged range shows the top-left cell's value, as the full reader did (the streaming reader ignores
 * `<mergeCells>`, which comes after the rows). Returns the number of cells added, or null past `budget`.
 */
const applyMerges = (records: Map<number, CellValue[]>, ranges: readonly MergeRange[], budget: number): number | null => {
  let added = 0;
  for (const range of ranges) {
    const value = records.get(range.top)?.[range.left - 1] ?? null;
    if (value === null) continue;
    added += (range.bottom - range.top + 1) * (range.right - range.left + 1) - 1;
    if (added > budget) return null;
    for (let line = range.top; line <= range.bottom; line += 1) {
      const cells = records.get(line) ?? [];
      for (let column = range.left; column <= range.right; column += 1) cells[column - 1] = value;
      records.set(line, cells);
    }
  }
  return added;
};

/**
 * XLSX bytes → the visible sheets' rows as plain cells, in tab order. The only place that reads cells. Before any XML
 * is parsed, the ZIP's central directory is checked against `limits.maxUncompressedBytes`, then every part is inflated
 * once in the thread pool to check that it holds no more than it declares (zip bombs); the sheets are then streamed
 * (exceljs WorkbookReader), never held as a whole workbook, stopping at `limits.maxCells` non-empty cells, and the
 * event loop is handed back every few milliseconds. Never throws: an unreadable or oversized workbook is a file error.
 */
export const readXlsxSheets = async (bytes: Uint8Array, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<SheetsResult> => {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return { ok: false, error: UNREADABLE };
  if (directory.uncompressedBytes > limits.maxUncompressedBytes) return { ok: false, error: tooLarge(limits, directory.uncompressedBytes) };

  const merges = new Map<string, MergeRange[]>();
  let budget = limits.maxUncompressedBytes;
  for (const entry of directory.entries) {
    const scanner = WORKSHEET.test(entry.name) ? mergeScanner() : null;
    const inflated = await inflateEntry(bytes, entry, budget, scanner?.push);
    if (inflated === null) return { ok: false, error: entry.uncompressedSize <= budget ? lyingSize(entry) : tooLarge(limits, null) };
    budget -= inflated;
    if (scanner !== null && scanner.ranges.length > 0) merges.set(entry.name, scanner.ranges);
  }

  const rank = (entry: ZipEntry): number => (PARTS_FIRST.includes(entry.name) ? PARTS_FIRST.indexOf(entry.name) : PARTS_FIRST.length);
  const order = directory.entries.map((entry, index) => ({ entry, index })).sort((a, b) => rank(a.entry) - rank(b.entry) || a.index - b.index);
  const worksheetEntries = order.map(({ entry }) => entry.name).filter((name) => WORKSHEET.test(name));
  const input = zipStream(
    bytes,
    order.map(({ entry }) => entry),
  );
  const reader = new excelStream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const workbook = reader as unknown as StreamedWorkbook;
  const grids: { name: string; byLine: Map<number, CellValue[]> }[] = [];
  let cells = 0;
  const slicer = new LoopSlicer();
  try {
    let sheetIndex = 0;
    for await (const streamed of reader) {
      const sheet = streamed as unknown as StreamedSheet;
      const entryName = worksheetEntries[sheetIndex];
      sheetIndex += 1;
      const visible = sheet.state === undefined || sheet.state === 'visible';
      const date1904 = workbook.properties?.model?.date1904 === true;
      const byLine = new Map<number, CellValue[]>();
      let rows = 0;
      for await (const row of sheet) {
        rows += 1;
        if (rows % 64 === 0) await slicer.pause();
        if (!visible) continue;
        const sparse: CellValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          sparse[column - 1] = streamedCell(cell.value, cell.numFmt, date1904);
          cells += 1;
        });
        if (cells > limits.maxCells) {
          input.destroy();
          return { ok: false, error: tooManyCells(limits, sheet.name, row.number) };
        }
        if (sparse.length > 0) byLine.set(row.number, sparse);
      }
      if (!visible) continue;
      const added = applyMerges(byLine, (entryName === undefined ? undefined : merges.get(entryName)) ?? [], limits.maxCells - cells);
      if (added === null) return { ok: false, error: tooManyCells(limits, sheet.name, Math.max(0, ...byLine.keys())) };
      cells += added;
      grids.push({ name: sheet.name, byLine });
    }
  } catch {
    input.destroy();
    return { ok: false, error: UNREADABLE };
  }
  // the sheets' rows in line order, built once the zip is read (yielding in the middle of exceljs's sheet stream loses
  // the end of the file), a slice at a time
  const sheets: SheetRecords[] = [];
  for (const { name, byLine } of grids) {
    const records: TableRecord[] = [];
    for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
      const sparse = byLine.get(line)!;
      records.push({ line, cells: Array.from({ length: sparse.length }, (_, i) => sparse[i] ?? null) });
      await slicer.pause();
    }
    sheets.push({ name, records });
  }
  const tabs = (workbook.model?.sheets ?? []).map((sheet) => sheet.name);
  const tab = (name: string): number => (tabs.includes(name) ? tabs.indexOf(name) : tabs.length);
  return { ok: true, sheets: [...sheets].sort((a, b) => tab(a.name) - tab(b.name)) };
};

/**
 * XLSX bytes → RawRows of every visible sheet that has a figure header (title and blank rows above it skipped), in
 * sheet order; sheets without one (notes, a cover) are left out. With several sheets, each row names its sheet.
 * `line` is the sheet row number, as the spreadsheet shows it. Never throws: an unreadable workbook is a file error.
 */
export const readXlsx = async (bytes: Uint8Array, mapping?: ImportMapping, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<ReadFiguresResult> => {
  const read = await readXlsxSheets(bytes, limits);
  if (!read.ok) return read;
  let first: ReadFiguresResult | null = null;
  const found: ReadFigures[] = [];
  const slicer = new LoopSlicer();
  for (const sheet of read.sheets) {
    const result = await readFigureTableInSlices(sheet.records, { format: 'xlsx', sheet: sheet.name }, mapping, slicer);
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
