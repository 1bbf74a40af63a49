/** Shapes shared by the readers (CSV, XLSX) and the row validation of figure imports. */

/** The granularity of a period code: `YYYY-MM`, `YYYY-Qn`, `YYYY`. */
export type Granularity = 'month' | 'quarter' | 'year';

/** The fields a figure file maps its columns to. */
export type FigureField = 'orgUnit' | 'service' | 'metric' | 'period' | 'value' | 'comment';

/** A cell as a reader hands it over: CSV gives strings, XLSX gives numbers and dates too; `null` when absent. */
export type CellValue = string | number | Date | null;

export interface RawRow {
  /** 1-based physical line of the record's first line in a CSV file (header = line 1 when first), or the sheet row number in XLSX. */
  line: number;
  cells: Partial<Record<FigureField, CellValue>>;
}

export type FileErrorCode = 'empty_file' | 'unsupported_format' | 'unreadable_xlsx' | 'malformed_csv' | 'missing_columns' | 'duplicate_columns' | 'no_rows';

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
  /** Data rows, blank rows left out, in file order. */
  rows: RawRow[];
  encoding?: string;
  delimiter?: string;
  sheet?: string;
}

export type ReadFiguresResult = ReadFigures | { ok: false; error: FileError };
