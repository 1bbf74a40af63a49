import type { FigureField } from './figure-file.types';

/**
 * Column headers → figure fields, in French or English, case-, accent- and punctuation-insensitive
 * (`Unité`, `UNITÉ`, `unite`, `org_unit`, `Org unit`, `Période`, `PERIODE`, `Valeur (€)` …).
 *
 * Unknown columns are IGNORED, not an error: exported sheets often carry extra columns (a label, a total, notes) that
 * change nothing to the figures; the readers list them in `ignoredHeaders` so the UI can show them. A missing required
 * column is a file-level error naming it; two columns mapping to the same field are a file-level error (which one
 * would hold the figure is ambiguous).
 */
export const REQUIRED_FIELDS: readonly FigureField[] = ['orgUnit', 'service', 'metric', 'period', 'value'];

const ALIASES: Record<FigureField, readonly string[]> = {
  orgUnit: [
    'unite',
    'unite organisationnelle',
    'code unite',
    'unite de saisie',
    'antenne',
    'org unit',
    'orgunit',
    'organisational unit',
    'organizational unit',
  ],
  service: ['service', 'code service', 'service code'],
  metric: ['indicateur', 'code indicateur', 'metrique', 'metric', 'metric code', 'indicator'],
  period: ['periode', 'period', 'mois', 'month'],
  value: ['valeur', 'montant', 'value', 'amount'],
  comment: ['commentaire', 'commentaires', 'remarque', 'remarques', 'observation', 'observations', 'comment', 'comments', 'note', 'notes'],
};

/** French labels of the fields, for messages. */
export const FIELD_LABELS: Record<FigureField, string> = {
  orgUnit: 'unité',
  service: 'service',
  metric: 'indicateur',
  period: 'période',
  value: 'valeur',
  comment: 'commentaire',
};

/** Lower case, accents removed, `_ - .` as spaces, a trailing `(unit)` dropped, spaces collapsed. */
export const normaliseHeader = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)\s*$/u, '')
    .replace(/[_\-.:*]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

const BY_ALIAS: ReadonlyMap<string, FigureField> = new Map(
  (Object.entries(ALIASES) as [FigureField, readonly string[]][]).flatMap(([field, aliases]) => aliases.map((alias): [string, FigureField] => [alias, field])),
);

/** The field a header names, or `null` for a column to ignore. */
export const fieldForHeader = (header: string): FigureField | null => BY_ALIAS.get(normaliseHeader(header)) ?? null;

export interface HeaderMapping {
  /** Index of the column holding each mapped field. */
  columns: Partial<Record<FigureField, number>>;
  /** Header text as written in the file, per mapped field. */
  headers: Partial<Record<FigureField, string>>;
  ignored: string[];
  missing: FigureField[];
  /** Fields named by more than one column, with those columns' header texts. */
  duplicated: { field: FigureField; headers: string[] }[];
}

export const mapHeader = (cells: readonly string[]): HeaderMapping => {
  const columns: Partial<Record<FigureField, number>> = {};
  const headers: Partial<Record<FigureField, string>> = {};
  const ignored: string[] = [];
  const seen = new Map<FigureField, string[]>();
  cells.forEach((cell, index) => {
    const text = cell.trim();
    if (text === '') return;
    const field = fieldForHeader(text);
    if (field === null) {
      ignored.push(text);
      return;
    }
    const named = seen.get(field) ?? [];
    named.push(text);
    seen.set(field, named);
    if (columns[field] === undefined) {
      columns[field] = index;
      headers[field] = text;
    }
  });
  const duplicated = [...seen].filter(([, named]) => named.length > 1).map(([field, named]) => ({ field, headers: named }));
  const missing = REQUIRED_FIELDS.filter((field) => columns[field] === undefined);
  return { columns, headers, ignored, missing, duplicated };
};
