import { FIELD_LABELS, mapHeader, normaliseHeader, type HeaderMapping } from './header-aliases';
import { parseFrenchPeriod } from './french-period';
import type { CellValue, FigureField, FileError, ImportLayout, RawRow, ReadFigures, ReadFiguresResult } from './figure-file.types';
import type { ImportMapping } from './import-mapping';
import type { LoopSlicer } from '../../platform/event-loop/loop-slicer';

/** One record of a CSV file or one row of a sheet, before the header is known. */
export interface TableRecord {
  line: number;
  cells: CellValue[];
}

/** How far down a title block may push the header. */
const HEADER_SEARCH_ROWS = 20;

const isBlank = (cell: CellValue): boolean => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** A header cell as text: a date cell (a period column of a wide sheet) as the spreadsheet shows it, dd/mm/yyyy. */
const headerText = (cell: CellValue): string => {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10).split('-').reverse().join('/');
  return String(cell);
};

const quoteList = (items: readonly string[]): string => items.map((item) => `« ${item} »`).join(', ');

const missingColumnsError = (mapping: HeaderMapping | null, line: number | undefined): FileError => {
  const missing = (mapping?.missing ?? (['service', 'metric', 'period', 'value'] as FigureField[])).filter((field) => field !== 'orgUnit');
  const labels = missing.map((field) => FIELD_LABELS[field]);
  return {
    code: 'missing_columns',
    line,
    columns: missing,
    message:
      `Colonne${missing.length > 1 ? 's' : ''} obligatoire${missing.length > 1 ? 's' : ''} introuvable${missing.length > 1 ? 's' : ''} : ` +
      `${quoteList(labels)}. La ligne d'en-tête doit nommer les colonnes service, indicateur, période et valeur ` +
      `(en français ou en anglais : unite/org_unit, service, indicateur/metric, periode/period, valeur/value), ` +
      `ou garder les services en lignes avec les périodes (« janv. 2024 ») ou les indicateurs en colonnes ; ` +
      `sinon, indiquez quelle colonne est quoi à l’étape « Correspondance des colonnes » de l’assistant d’import.`,
  };
};

/** Header texts of columns that never hold figures in a wide sheet. */
const NEVER_VALUES = new Set(['total', 'totaux', 'total general', 'cumul', 'moyenne', 'libelle', 'code']);

/** A period written as a column title: `janv. 2024`, `2024-01`, `T1 2024`, `2024`, or an Excel date cell. */
const isPeriodHeader = (cell: CellValue): boolean => {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return false;
  if (typeof cell === 'number' && !(Number.isInteger(cell) && cell >= 1900 && cell <= 2200)) return false;
  return parseFrenchPeriod(cell).ok;
};

interface TableLayout {
  record: TableRecord;
  layout: ImportLayout;
  /** Column index of each field read from a column. */
  columns: Partial<Record<FigureField, number>>;
  /** Header text per mapped field, as written. */
  headers: Partial<Record<FigureField, string>>;
  /** Wide layouts: the columns whose cells are values, their title giving the period or the indicator. */
  valueColumns: number[];
  ignored: string[];
  constants: Partial<Record<FigureField, string>>;
  skipLines: ReadonlySet<number>;
}

/** The layout a header row announces, if any: long when every field has a column, wide when periods or indicators head the columns. */
const detectLayout = (record: TableRecord, mapping: HeaderMapping): TableLayout | null => {
  const { columns, headers } = mapping;
  const base = { record, columns, headers, constants: {}, skipLines: new Set<number>() };
  const unmapped = record.cells.map((cell, index) => ({ cell, index })).filter(({ cell, index }) => !isBlank(cell) && !Object.values(columns).includes(index));
  const missing = mapping.missing.filter((field) => field !== 'orgUnit');
  if (missing.length === 0) return { ...base, layout: 'long', valueColumns: [], ignored: mapping.ignored };
  if (columns.value !== undefined || columns.service === undefined) return null;
  if (columns.period === undefined && columns.metric !== undefined) {
    const periods = unmapped.filter(({ cell }) => isPeriodHeader(cell));
    if (periods.length === 0) return null;
    const ignored = unmapped.filter(({ cell }) => !isPeriodHeader(cell)).map(({ cell }) => headerText(cell));
    return { ...base, layout: 'periods_as_columns', valueColumns: periods.map(({ index }) => index), ignored };
  }
  if (columns.metric === undefined && columns.period !== undefined) {
    const values = unmapped.filter(({ cell }) => !NEVER_VALUES.has(normaliseHeader(headerText(cell))));
    if (values.length === 0) return null;
    const ignored = unmapped.filter(({ cell }) => NEVER_VALUES.has(normaliseHeader(headerText(cell)))).map(({ cell }) => headerText(cell));
    return { ...base, layout: 'metrics_as_columns', valueColumns: values.map(({ index }) => index), ignored };
  }
  return null;
};

/** The layout a mapping names, read against a header row; `null` when a named column is not in that row. */
const mappedLayout = (record: TableRecord, mapping: ImportMapping): TableLayout | { missing: string[] } => {
  const texts = record.cells.map((cell) => normaliseHeader(headerText(cell)));
  const columns: Partial<Record<FigureField, number>> = {};
  const headers: Partial<Record<FigureField, string>> = {};
  const missing: string[] = [];
  for (const [field, header] of Object.entries(mapping.columns) as [FigureField, string][]) {
    const index = texts.indexOf(normaliseHeader(header));
    if (index < 0) missing.push(header);
    else {
      columns[field] = index;
      headers[field] = headerText(record.cells[index]);
    }
  }
  if (missing.length > 0) return { missing };
  const ignore = new Set((mapping.ignore ?? []).map(normaliseHeader));
  const used = new Set(Object.values(columns));
  const others = record.cells
    .map((cell, index) => ({ cell, index }))
    .filter(({ cell, index }) => !isBlank(cell) && !used.has(index) && !ignore.has(normaliseHeader(headerText(cell))));
  const wide = mapping.layout !== 'long';
  return {
    record,
    layout: mapping.layout,
    columns,
    headers,
    valueColumns: wide ? others.map(({ index }) => index) : [],
    ignored: wide ? (mapping.ignore ?? []) : others.map(({ cell }) => headerText(cell)),
    constants: mapping.constants ?? {},
    skipLines: new Set(mapping.skipLines ?? []),
  };
};

const duplicatesError = (mapping: HeaderMapping, line: number): FileError => ({
  code: 'duplicate_columns',
  line,
  columns: mapping.duplicated.flatMap((d) => d.headers),
  message: `Plusieurs colonnes désignent la même donnée : ${mapping.duplicated
    .map((d) => `${FIELD_LABELS[d.field]} (${quoteList(d.headers)})`)
    .join(' ; ')}. Gardez-en une seule ou renommez les autres.`,
});

/** The figures of one data record: one row in the long layout, one per non-blank value cell in a wide one. */
const recordRows = (record: TableRecord, table: TableLayout, sheet: string | undefined): RawRow[] => {
  const cells: Partial<Record<FigureField, CellValue>> = {};
  for (const field in table.constants) cells[field as FigureField] = table.constants[field as FigureField];
  for (const field in table.columns) cells[field as FigureField] = record.cells[table.columns[field as FigureField] as number] ?? null;
  const where = sheet === undefined ? {} : { sheet };
  if (table.layout === 'long') return [{ line: record.line, cells, ...where }];
  const titled: FigureField = table.layout === 'periods_as_columns' ? 'period' : 'metric';
  return table.valueColumns.flatMap((index) => {
    const value = record.cells[index] ?? null;
    if (isBlank(value)) return [];
    const title = table.record.cells[index] ?? null;
    const header = headerText(title);
    return [{ line: record.line, cells: { ...cells, [titled]: title, value }, columns: { [titled]: header, value: header }, ...where }];
  });
};

/**
 * Finds the header (among the first rows: title rows and blank rows above it are skipped) and the layout it announces
 * — one figure per row, periods as columns, or indicators as columns — or reads the file as `mapping` says, then turns
 * every later non-blank record into RawRows keyed by field. Unmapped columns of the long layout are dropped; a file
 * without a unit column leaves `orgUnit` out of its rows (see validate-row).
 */
type TableMeta = Pick<ReadFigures, 'format' | 'encoding' | 'delimiter' | 'sheet'>;

/** The header of a table (the layout its rows are read with), or why there is none. */
const tableLayout = (
  records: readonly TableRecord[],
  mapping: ImportMapping | undefined,
): { ok: true; table: TableLayout } | { ok: false; error: FileError } => {
  const candidates: TableRecord[] = [];
  for (const record of records) {
    if (candidates.length === HEADER_SEARCH_ROWS) break;
    if (!record.cells.every(isBlank)) candidates.push(record);
  }
  if (candidates.length === 0) {
    return { ok: false, error: { code: 'empty_file', message: 'Le fichier est vide : aucune ligne à importer.' } };
  }
  let table: TableLayout | null = null;
  if (mapping) {
    const rows = mapping.headerLine === undefined ? candidates : records.filter((r) => r.line === mapping.headerLine);
    let missing: string[] = Object.values(mapping.columns);
    for (const record of rows) {
      const found = mappedLayout(record, mapping);
      if ('missing' in found) {
        if (found.missing.length < missing.length) missing = found.missing;
        continue;
      }
      table = found;
      break;
    }
    if (table === null) {
      return {
        ok: false,
        error: {
          code: 'missing_columns',
          line: mapping.headerLine,
          columns: missing,
          message:
            `Colonne${missing.length > 1 ? 's' : ''} de la correspondance introuvable${missing.length > 1 ? 's' : ''} ` +
            `${mapping.headerLine === undefined ? 'dans les premières lignes' : `à la ligne ${mapping.headerLine}`} : ${quoteList(missing)}. ` +
            'Vérifiez la ligne d’en-tête ou reprenez la correspondance des colonnes.',
        },
      };
    }
  } else {
    let best: { record: TableRecord; mapping: HeaderMapping } | null = null;
    for (const record of candidates) {
      const mapped = mapHeader(record.cells.map(headerText));
      const detected = detectLayout(record, mapped);
      if (detected !== null) {
        if (mapped.duplicated.length > 0) return { ok: false, error: duplicatesError(mapped, record.line) };
        table = detected;
        break;
      }
      const missingCount = (m: HeaderMapping): number => m.missing.filter((f) => f !== 'orgUnit').length;
      if (best === null || missingCount(mapped) < missingCount(best.mapping)) best = { record, mapping: mapped };
    }
    if (table === null) return { ok: false, error: missingColumnsError(best?.mapping ?? null, best?.record.line) };
  }

  return { ok: true, table };
};

/** A data record of the table: below the header, not blank, not a line the layout skips. */
const isDataRecord = (record: TableRecord, header: TableLayout): boolean =>
  record.line > header.record.line && !record.cells.every(isBlank) && !header.skipLines.has(record.line);

const tableResult = (header: TableLayout, meta: TableMeta, rows: RawRow[]): ReadFiguresResult =>
  rows.length === 0
    ? { ok: false, error: { code: 'no_rows', line: header.record.line, message: "Le fichier n'a aucune ligne de données sous la ligne d'en-tête." } }
    : { ok: true, ...meta, headerLine: header.record.line, headers: header.headers, ignoredHeaders: header.ignored, rows, layout: header.layout };

export const readFigureTable = (records: readonly TableRecord[], meta: TableMeta, mapping?: ImportMapping): ReadFiguresResult => {
  const found = tableLayout(records, mapping);
  if (!found.ok) return found;
  const header = found.table;
  const rows: RawRow[] = [];
  for (const record of records) if (isDataRecord(record, header)) for (const row of recordRows(record, header, meta.sheet)) rows.push(row);
  return tableResult(header, meta, rows);
};

/** readFigureTable for a large sheet: the same result, handing the event loop back between slices of records. */
export const readFigureTableInSlices = async (
  records: readonly TableRecord[],
  meta: TableMeta,
  mapping: ImportMapping | undefined,
  slicer: LoopSlicer,
): Promise<ReadFiguresResult> => {
  const found = tableLayout(records, mapping);
  if (!found.ok) return found;
  const header = found.table;
  const rows: RawRow[] = [];
  for (const record of records) {
    if (isDataRecord(record, header)) for (const row of recordRows(record, header, meta.sheet)) rows.push(row);
    if (slicer.due()) await slicer.pause();
  }
  return tableResult(header, meta, rows);
};

/** Sample rows an inspection returns under the header: enough to recognise the columns, never the whole file. */
const INSPECT_SAMPLE_ROWS = 5;
/** Columns an inspection returns at most (a wide sheet of five years of months has 60). */
const INSPECT_MAX_COLUMNS = 200;

/** What the mapping step reads of a sheet: its header row (detected, or the likeliest line), its columns, a few rows. */
export interface TableInspection {
  /** Line (CSV) or sheet row (XLSX) of the header: the detected one, else the first line with the most filled cells. */
  headerLine: number | null;
  /** The layout and columns detection found, or null when the user has to say (the mapping step). */
  detected: { layout: ImportLayout; columns: Partial<Record<FigureField, string>>; valueColumns: string[] } | null;
  /** The header cells as text, in column order (blank ones as ''). */
  headers: string[];
  /** The first lines of the sheet (title rows included), to choose another header line: line and cells as text. */
  firstLines: { line: number; cells: string[] }[];
  /** A few data rows under the header: line and cells as text. */
  sample: { line: number; cells: string[] }[];
}

const textCells = (record: TableRecord): string[] => record.cells.slice(0, INSPECT_MAX_COLUMNS).map(headerText);

/**
 * Reads a table's header without reading its figures (issue 13, the mapping step): the header detection of an import
 * when it succeeds, else the first line with the most filled cells among the first rows; its column headers, the first
 * lines (to pick another header line) and a few rows under it. Nothing is validated nor written.
 */
export const inspectTable = (records: readonly TableRecord[]): TableInspection => {
  const candidates = records.filter((r) => !r.cells.every(isBlank)).slice(0, HEADER_SEARCH_ROWS);
  let header: TableRecord | null = null;
  let detected: TableInspection['detected'] = null;
  for (const record of candidates) {
    const mapped = mapHeader(record.cells.map(headerText));
    const layout = detectLayout(record, mapped);
    if (layout !== null && mapped.duplicated.length === 0) {
      header = record;
      detected = {
        layout: layout.layout,
        columns: layout.headers,
        valueColumns: layout.valueColumns.map((index) => headerText(record.cells[index] ?? null)),
      };
      break;
    }
  }
  if (header === null) {
    const filled = (r: TableRecord): number => r.cells.filter((c) => !isBlank(c)).length;
    header = candidates.reduce<TableRecord | null>((best, r) => (best === null || filled(r) > filled(best) ? r : best), null);
  }
  const headerLine = header?.line ?? null;
  return {
    headerLine,
    detected,
    headers: header ? textCells(header) : [],
    firstLines: records.slice(0, HEADER_SEARCH_ROWS).map((r) => ({ line: r.line, cells: textCells(r) })),
    sample: records
      .filter((r) => headerLine !== null && r.line > headerLine && !r.cells.every(isBlank))
      .slice(0, INSPECT_SAMPLE_ROWS)
      .map((r) => ({ line: r.line, cells: textCells(r) })),
  };
};
