import { FIELD_LABELS, mapHeader, type HeaderMapping } from './header-aliases';
import type { CellValue, FigureField, FileError, RawRow, ReadFigures, ReadFiguresResult } from './figure-file.types';

/** One record of a CSV file or one row of a sheet, before the header is known. */
export interface TableRecord {
  line: number;
  cells: CellValue[];
}

/** How far down a title block may push the header. */
const HEADER_SEARCH_ROWS = 20;

const isBlank = (cell: CellValue): boolean => cell === null || (typeof cell === 'string' && cell.trim() === '');

const headerText = (cell: CellValue): string => {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
};

const quoteList = (items: readonly string[]): string => items.map((item) => `« ${item} »`).join(', ');

const missingColumnsError = (mapping: HeaderMapping | null, line: number | undefined): FileError => {
  const missing = mapping?.missing ?? (['orgUnit', 'service', 'metric', 'period', 'value'] as FigureField[]);
  const labels = missing.map((field) => FIELD_LABELS[field]);
  return {
    code: 'missing_columns',
    line,
    columns: missing,
    message:
      `Colonne${missing.length > 1 ? 's' : ''} obligatoire${missing.length > 1 ? 's' : ''} introuvable${missing.length > 1 ? 's' : ''} : ` +
      `${quoteList(labels)}. La ligne d'en-tête doit nommer les colonnes unité, service, indicateur, période et valeur ` +
      `(en français ou en anglais : unite/org_unit, service, indicateur/metric, periode/period, valeur/value).`,
  };
};

/**
 * Finds the header (the first of the first rows that maps every required column: title rows and blank rows above it
 * are skipped), then turns every later non-blank record into a RawRow keyed by field. Unmapped columns are dropped.
 */
export const readFigureTable = (records: readonly TableRecord[], meta: Pick<ReadFigures, 'format' | 'encoding' | 'delimiter' | 'sheet'>): ReadFiguresResult => {
  const candidates = records.filter((record) => !record.cells.every(isBlank)).slice(0, HEADER_SEARCH_ROWS);
  if (candidates.length === 0) {
    return { ok: false, error: { code: 'empty_file', message: 'Le fichier est vide : aucune ligne à importer.' } };
  }
  let best: { record: TableRecord; mapping: HeaderMapping } | null = null;
  let header: { record: TableRecord; mapping: HeaderMapping } | null = null;
  for (const record of candidates) {
    const mapping = mapHeader(record.cells.map(headerText));
    if (mapping.missing.length === 0) {
      header = { record, mapping };
      break;
    }
    if (best === null || mapping.missing.length < best.mapping.missing.length) best = { record, mapping };
  }
  if (header === null) return { ok: false, error: missingColumnsError(best?.mapping ?? null, best?.record.line) };

  const { mapping, record: headerRecord } = header;
  if (mapping.duplicated.length > 0) {
    const named = mapping.duplicated.flatMap((d) => d.headers);
    return {
      ok: false,
      error: {
        code: 'duplicate_columns',
        line: headerRecord.line,
        columns: named,
        message: `Plusieurs colonnes désignent la même donnée : ${mapping.duplicated
          .map((d) => `${FIELD_LABELS[d.field]} (${quoteList(d.headers)})`)
          .join(' ; ')}. Gardez-en une seule ou renommez les autres.`,
      },
    };
  }

  const fields = Object.entries(mapping.columns) as [FigureField, number][];
  const rows: RawRow[] = records
    .filter((record) => record.line > headerRecord.line && !record.cells.every(isBlank))
    .map((record) => ({
      line: record.line,
      cells: Object.fromEntries(fields.map(([field, index]) => [field, record.cells[index] ?? null])),
    }));
  if (rows.length === 0) {
    return {
      ok: false,
      error: { code: 'no_rows', line: headerRecord.line, message: "Le fichier n'a aucune ligne de données sous la ligne d'en-tête." },
    };
  }
  return { ok: true, ...meta, headerLine: headerRecord.line, headers: mapping.headers, ignoredHeaders: mapping.ignored, rows };
};
