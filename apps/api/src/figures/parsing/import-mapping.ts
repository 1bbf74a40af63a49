import { IMPORT_LAYOUTS, type FigureField, type ImportLayout } from './figure-file.types';

/**
 * How a sheet holds its figures:
 * - `long`: one figure per row (unit, service, indicator, period, value columns);
 * - `periods_as_columns`: one row per (unit, service, indicator), one column per period (« janv. 2024 », « 2024-01 »,
 *   « T1 2024 », or an Excel date cell), each cell a value;
 * - `metrics_as_columns`: one row per (unit, service, period), one column per indicator (code or label).
 */
export { IMPORT_LAYOUTS, type ImportLayout };

/** Fields that may be given once for the whole file when the sheet has no column for them. */
export const CONSTANT_FIELDS = ['orgUnit', 'service', 'metric', 'period'] as const;
export type ConstantField = (typeof CONSTANT_FIELDS)[number];

/** Which column is what, which rows to skip: the mapping step of the import wizard, savable as an import template. */
export interface ImportMapping {
  layout: ImportLayout;
  /** Line (CSV) or sheet row (XLSX) of the header; found among the first rows when absent. */
  headerLine?: number;
  /** The header text, as written in the file, of the column holding each field (accent- and case-insensitive). */
  columns: Partial<Record<FigureField, string>>;
  /** A value for every row when the sheet has no column for it (the antenna of a sheet that holds only its figures). */
  constants?: Partial<Record<ConstantField, string>>;
  /** Header texts of columns to leave out (a total, notes): in wide layouts every other column holds values. */
  ignore?: string[];
  /** Lines (sheet rows) to skip below the header: a total row, a note. */
  skipLines?: number[];
}

export const LAYOUT_LABELS: Record<ImportLayout, string> = {
  long: 'une ligne par chiffre',
  periods_as_columns: 'périodes en colonnes',
  metrics_as_columns: 'indicateurs en colonnes',
};

const FIGURE_FIELDS: readonly FigureField[] = ['orgUnit', 'service', 'metric', 'period', 'value', 'comment'];
const MAX_TEXT = 200;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: unknown, where: string): string => {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_TEXT || value.includes('\u0000')) {
    throw new MappingError(`${where} : indiquez un texte de 1 à ${MAX_TEXT} caractères.`);
  }
  return value.trim();
};

export class MappingError extends Error {}

/**
 * A mapping as a client sent it (JSON) → a checked ImportMapping; throws MappingError with a French message naming
 * the faulty entry. Unknown keys are refused, so a typo is not silently ignored.
 */
export const parseImportMapping = (input: unknown): ImportMapping => {
  if (!isRecord(input)) throw new MappingError('La correspondance des colonnes doit être un objet JSON { layout, columns, … }.');
  const allowed = new Set(['layout', 'headerLine', 'columns', 'constants', 'ignore', 'skipLines']);
  const unknown = Object.keys(input).filter((key) => !allowed.has(key));
  if (unknown.length > 0)
    throw new MappingError(`Correspondance des colonnes : clé${unknown.length > 1 ? 's' : ''} inconnue${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}.`);
  const layout = input.layout ?? 'long';
  if (typeof layout !== 'string' || !(IMPORT_LAYOUTS as readonly string[]).includes(layout)) {
    throw new MappingError(`Disposition « ${String(layout)} » inconnue : choisissez ${IMPORT_LAYOUTS.map((l) => `${l} (${LAYOUT_LABELS[l]})`).join(', ')}.`);
  }
  const mapping: ImportMapping = { layout: layout as ImportLayout, columns: {} };
  if (input.headerLine !== undefined) {
    if (typeof input.headerLine !== 'number' || !Number.isInteger(input.headerLine) || input.headerLine < 1 || input.headerLine > 1000) {
      throw new MappingError('Ligne d’en-tête : indiquez un numéro de ligne entre 1 et 1000.');
    }
    mapping.headerLine = input.headerLine;
  }
  const columns = input.columns ?? {};
  if (!isRecord(columns))
    throw new MappingError('columns doit associer à chaque donnée (orgUnit, service, metric, period, value, comment) le titre de sa colonne.');
  for (const [field, header] of Object.entries(columns)) {
    if (!(FIGURE_FIELDS as readonly string[]).includes(field))
      throw new MappingError(`Donnée « ${field} » inconnue dans columns : ${FIGURE_FIELDS.join(', ')}.`);
    mapping.columns[field as FigureField] = textOf(header, `Colonne de ${field}`);
  }
  if (input.constants !== undefined) {
    if (!isRecord(input.constants)) throw new MappingError('constants doit associer une valeur à orgUnit, service, metric ou period.');
    mapping.constants = {};
    for (const [field, value] of Object.entries(input.constants)) {
      if (!(CONSTANT_FIELDS as readonly string[]).includes(field))
        throw new MappingError(`Donnée « ${field} » inconnue dans constants : ${CONSTANT_FIELDS.join(', ')}.`);
      mapping.constants[field as ConstantField] = textOf(value, `Valeur fixe de ${field}`);
    }
  }
  if (input.ignore !== undefined) {
    if (!Array.isArray(input.ignore) || input.ignore.length > 200) throw new MappingError('ignore doit lister les titres des colonnes à laisser de côté.');
    mapping.ignore = input.ignore.map((header, i) => textOf(header, `Colonne ignorée n° ${i + 1}`));
  }
  if (input.skipLines !== undefined) {
    if (
      !Array.isArray(input.skipLines) ||
      input.skipLines.length > 1000 ||
      !input.skipLines.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 1)
    ) {
      throw new MappingError('skipLines doit lister des numéros de lignes (entiers à partir de 1).');
    }
    mapping.skipLines = input.skipLines as number[];
  }
  const needed: FigureField[] =
    mapping.layout === 'long'
      ? ['service', 'metric', 'period', 'value']
      : mapping.layout === 'periods_as_columns'
        ? ['service', 'metric']
        : ['service', 'period'];
  const absent = needed.filter((field) => mapping.columns[field] === undefined && mapping.constants?.[field as ConstantField] === undefined);
  if (absent.length > 0) {
    throw new MappingError(
      `Correspondance incomplète pour la disposition « ${LAYOUT_LABELS[mapping.layout]} » : indiquez la colonne (ou une valeur fixe) de ${absent.join(', ')}.`,
    );
  }
  return mapping;
};
