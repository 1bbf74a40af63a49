import { formatFrenchDecimal } from './format-french-decimal';
import { compareDecimals } from './plain-decimal';
import { periodLabel } from '../period-label';
import { LoopSlicer } from '../../platform/event-loop/loop-slicer';
import { rowContext, validateRow, type RowContext } from './validate-row';
import type { FigureCatalogue } from './figure-catalogue.types';
import type { FigureField, RawRow } from './figure-file.types';
import type { NormalisedRow, RowError, ValidateRowsResult } from './row-validation.types';

export interface ValidateRowsInput {
  rows: readonly RawRow[];
  catalogue: FigureCatalogue;
  /** Header texts as written in the file (from the reader), so errors name columns the way the user sees them. */
  headers?: Partial<Record<FigureField, string>>;
}

/** The map under `key`, made when missing. */
const child = <V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> => {
  let found = map.get(key);
  if (found === undefined) map.set(key, (found = new Map()));
  return found;
};

/** The state of one validation: rows are added in file order, the result read at the end. */
class RowsValidator {
  private readonly ctx: RowContext;
  private readonly errors: RowError[] = [];
  private readonly figures: NormalisedRow[] = [];
  /**
   * unit → service → metric → period → index in `figures` of the first valid row of that key: no key string nor entry
   * object per row (2.88 M rows at the bench's scale M; what survives a file's validation is what the collector copies).
   */
  private readonly seen = new Map<string, Map<string, Map<string, Map<string, number>>>>();

  constructor({ catalogue, headers = {} }: ValidateRowsInput) {
    this.ctx = rowContext(catalogue, headers);
  }

  add(row: RawRow): void {
    const { errors: rowErrors, figure } = validateRow(row, this.ctx);
    for (const error of rowErrors) this.errors.push(error);
    if (figure === undefined) return;
    const { orgUnit, service, metric, period, value } = figure;
    const periods = child(child(child(this.seen, orgUnit), service), metric);
    const firstIndex = periods.get(period);
    if (firstIndex === undefined) {
      periods.set(period, this.figures.length);
      this.figures.push(figure);
      return;
    }
    const first = this.figures[firstIndex];
    // the figure in words, as a director reads it: labels of the catalogue (a code only where it has none), « mai 2024 »
    const { orgUnits, services, metrics } = this.ctx;
    const label = `${orgUnits.label(orgUnit) ?? orgUnit} · ${services.label(service) ?? service} · ${metrics.label(metric) ?? metric} · ${periodLabel(period)}`;
    this.errors.push({
      line: row.line,
      column: null,
      value: null,
      code: 'duplicate_key',
      message:
        compareDecimals(first.value, value) === 0
          ? `Ligne en double : même unité, service, indicateur et période qu'à la ligne ${first.line} (${label}). Supprimez l'une des deux lignes.`
          : `Même unité, service, indicateur et période qu'à la ligne ${first.line} (${label}) avec une autre valeur ` +
            `(${formatFrenchDecimal(first.value)} puis ${formatFrenchDecimal(value)}) : gardez une seule ligne, avec la bonne valeur.`,
    });
  }

  result(): ValidateRowsResult {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, rows: this.figures };
  }
}

/**
 * Checks every row of a file against the catalogue and collects EVERY error of every row: the file is all or
 * nothing, so the user must see all that is wrong at once. Among rows with no other error, a key (unit, service,
 * metric, period) seen on an earlier line is an error on the later line, whether or not the values differ. A row that
 * already has an error takes no part in the duplicate check (its key or value is not trustworthy yet), so a
 * duplicate may only show up once the other errors are fixed.
 */
export const validateRows = (input: ValidateRowsInput): ValidateRowsResult => {
  const validator = new RowsValidator(input);
  for (const row of input.rows) validator.add(row);
  return validator.result();
};

/**
 * validateRows for the worker's large imports: the same checks and result, handing the event loop back between
 * slices of rows (see LoopSlicer) so that lock renewals and scheduled jobs keep running during a 100 000-row file.
 */
export const validateRowsInSlices = async (input: ValidateRowsInput, slicer: LoopSlicer = new LoopSlicer()): Promise<ValidateRowsResult> => {
  const validator = new RowsValidator(input);
  for (const row of input.rows) {
    validator.add(row);
    if (slicer.due()) await slicer.pause();
  }
  return validator.result();
};
