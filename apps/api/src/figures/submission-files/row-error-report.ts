import type { SubmissionRowError } from '../submission.entity';
import type { SheetCell } from './spreadsheet-file';

/** The row-error report of a submission: one line per error, in the file's words (sheet, line, column, value, reason). */
export const ROW_ERROR_HEADER = ['Feuille', 'Ligne', 'Colonne', 'Valeur', 'Motif'] as const;

export const rowErrorRows = (errors: readonly SubmissionRowError[]): SheetCell[][] =>
  errors.map((e) => [e.sheet ?? '', e.line > 0 ? String(e.line) : '', e.column ?? '', e.value ?? '', e.message]);
