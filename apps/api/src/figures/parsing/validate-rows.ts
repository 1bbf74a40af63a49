import Decimal from 'decimal.js';
import { formatFrenchDecimal } from './format-french-decimal';
import { rowContext, validateRow } from './validate-row';
import type { FigureCatalogue } from './figure-catalogue.types';
import type { FigureField, RawRow } from './figure-file.types';
import type { NormalisedRow, RowError, ValidateRowsResult } from './row-validation.types';

export interface ValidateRowsInput {
  rows: readonly RawRow[];
  catalogue: FigureCatalogue;
  /** Header texts as written in the file (from the reader), so errors name columns the way the user sees them. */
  headers?: Partial<Record<FigureField, string>>;
}

/**
 * Checks every row of a file against the catalogue and collects EVERY error of every row: the file is all or
 * nothing, so the user must see all that is wrong at once. Among rows with no other error, a key (unit, service,
 * metric, period) seen on an earlier line is an error on the later line, whether or not the values differ. A row that
 * already has an error takes no part in the duplicate check (its key or value is not trustworthy yet), so a
 * duplicate may only show up once the other errors are fixed.
 */
export const validateRows = ({ rows, catalogue, headers = {} }: ValidateRowsInput): ValidateRowsResult => {
  const ctx = rowContext(catalogue, headers);
  const errors: RowError[] = [];
  const figures: NormalisedRow[] = [];
  const seen = new Map<string, { line: number; value: string }>();
  for (const row of rows) {
    const { errors: rowErrors, figure } = validateRow(row, ctx);
    errors.push(...rowErrors);
    if (figure === undefined) continue;
    const { orgUnit, service, metric, period, value } = figure;
    const id = JSON.stringify([orgUnit, service, metric, period]);
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, { line: row.line, value });
      figures.push(figure);
      continue;
    }
    const label = `${orgUnit}, ${service}, ${metric}, ${period}`;
    errors.push({
      line: row.line,
      column: null,
      value: null,
      code: 'duplicate_key',
      message: new Decimal(first.value).eq(value)
        ? `Ligne en double : même unité, service, indicateur et période qu'à la ligne ${first.line} (${label}). Supprimez l'une des deux lignes.`
        : `Même unité, service, indicateur et période qu'à la ligne ${first.line} (${label}) avec une autre valeur ` +
          `(${formatFrenchDecimal(first.value)} puis ${formatFrenchDecimal(value)}) : gardez une seule ligne, avec la bonne valeur.`,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: figures };
};
