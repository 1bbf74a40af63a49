/** Shapes shared by the readers (CSV, XLSX) and the row validation of figure imports. */

/** The granularity of a period code: `YYYY-MM`, `YYYY-Qn`, `YYYY`. */
export type Granularity = 'month' | 'quarter' | 'year';

/** How a sheet holds its figures: one per row, periods as columns, or indicators as columns (see import-mapping.ts). */
export const IMPORT_LAYOUTS = ['long', 'periods_as_columns', 'metrics_as_columns'] as const;
export type ImportLayout = (typeof IMPORT_LAYOUTS)[number];

/** The fields a figure file maps its columns to. */
export type FigureField = 'orgUnit' | 'service' | 'metric' | 'period' | 'value' | 'comment';

/** A cell as a reader hands it over: CSV gives strings, XLSX gives numbers and dates too; `null` when absent. */
export type CellValue = string | number | Date | null;

export interface RawRow {
  /** 1-based physical line of the record's first line in a CSV file (header = line 1 when first), or the sheet row number in XLSX. */
  line: number;
  /** A field absent from `cells` (not merely blank) has no column in the file: see validate-row for what fills it. */
  cells: Partial<Record<FigureField, CellValue>>;
  /** The sheet of an XLSX row, when the workbook has several. */
  sheet?: string;
  /** Per-row column headers, in wide layouts where the value (and its period or indicator) comes from a column's title. */
  columns?: Partial<Record<FigureField, string>>;
}

export type FileErrorCode =
  'empty_file' | 'unsupported_format' | 'unreadable_xlsx' | 'malformed_csv' | 'missing_columns' | 'duplicate_columns' | 'no_rows' | 'too_large';

/** A problem with the file as a whole: no row can be read. `message` is French and says what to do. */
export interface FileError {
  code: FileErrorCode;
  message: string;
  /** For `malformed_csv`: where the parser stopped. For header problems: the line of the best header candidate. */
  line?: number;
  /** For `missing_columns`: the missing fields; for `duplicate_columns`: the header texts that compete. */
  columns?: string[];
}

export interface ReadFigures {
  ok: true;
  format: 'csv' | 'xlsx';
  /** Line (CSV) or sheet row (XLSX) of the header. */
  headerLine: number;
  /** The header text as written in the file, per mapped field: row errors name columns with it. */
  headers: Partial<Record<FigureField, string>>;
  /** Header texts that map to no field: they are ignored (see header-aliases.ts). */
  ignoredHeaders: string[];
  /** Data rows, blank rows left out, in file order; in wide layouts one per non-blank value cell. */
  rows: RawRow[];
  /** How the sheet holds its figures, detected or as the mapping said. */
  layout: ImportLayout;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
}

export type ReadFiguresResult = ReadFigures | { ok: false; error: FileError };
