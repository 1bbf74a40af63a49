/**
 * Exports of any list (docs/product-rules.md#dashboard): CSV protected against formula injection, and XLSX (export-xlsx.ts, lazy).
 * The rows come in words from export-words.ts. Every export carries its context: organisation, scope (the list's filters), methodology version, data-as-of,
 * export time, and the unit-cost sources when the rows use unit costs.
 */

import { isNumberCell, type ExportTable } from './export-words';

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection): = + - @ tab CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell made inert: a leading `'` when it could start a formula. Plain numbers (“-12.5”) stay numbers. */
export const neutralise = (text: string): string => (FORMULA_START.test(text) && !/^-\d+(?:[.,]\d+)?$/.test(text) ? `'${text}` : text);

/** One CSV cell: neutralised, then quoted when it holds the separator, a quote or a line break. */
export const csvCell = (value: unknown, separator = ';'): string => {
  const text = neutralise(cellText(value));
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Rows → CSV text (`;`-separated, CRLF, as French spreadsheets expect). */
export const toCsv = (rows: ReadonlyArray<ReadonlyArray<unknown>>, separator = ';'): string =>
  rows.map((row) => row.map((v) => csvCell(v, separator)).join(separator)).join('\r\n');

/** The text of a value: objects and arrays as JSON, null and undefined as empty. */
export const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (isNumberCell(value)) return value.text;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
  return JSON.stringify(value);
};

export interface ExportContext {
  /** Resource label, e.g. "Coûts unitaires". */
  title: string;
  organisation?: string | null;
  /** The list's filters, as shown to the user. */
  scope: Record<string, unknown>;
  methodology?: string | null;
  dataAsOf?: string | null;
  exportedAt: string;
  /** Unit-cost sources, when the rows use unit costs. */
  sources?: ReadonlyArray<{ code: string; label?: string; source: string; priceYear?: number | string | null; url?: string | null }>;
  /** Translated labels of the stamp's lines. */
  labels: Record<'export' | 'organisation' | 'scope' | 'all' | 'methodology' | 'dataAsOf' | 'exportedAt' | 'sources' | 'unknown', string>;
}

/** The stamp's lines: [label, value]. */
export const stampRows = (ctx: ExportContext): string[][] => {
  const scope = Object.entries(ctx.scope).filter(([, v]) => v !== undefined && v !== null && v !== '');
  const rows: string[][] = [
    [ctx.labels.export, ctx.title],
    [ctx.labels.organisation, ctx.organisation ?? ctx.labels.unknown],
    [ctx.labels.scope, scope.length === 0 ? ctx.labels.all : scope.map(([k, v]) => `${k} = ${cellText(v)}`).join(' ; ')],
    [ctx.labels.methodology, ctx.methodology ?? ctx.labels.unknown],
    [ctx.labels.dataAsOf, ctx.dataAsOf ?? ctx.labels.unknown],
    [ctx.labels.exportedAt, ctx.exportedAt],
  ];
  for (const s of ctx.sources ?? []) {
    rows.push([ctx.labels.sources, [s.code, s.label, s.source, s.priceYear ? String(s.priceYear) : null, s.url].filter(Boolean).join(' — ')]);
  }
  return rows;
};

/**
 * The whole CSV: the header row FIRST (a spreadsheet or a script reads it as a table), the data, then a blank line and
 * the stamp as trailing rows (issue 13, item 6). With a BOM so spreadsheets read UTF-8.
 */
export const csvExport = (table: ExportTable, ctx: ExportContext): string => `\uFEFF${toCsv([table.columns, ...table.rows, [], ...stampRows(ctx)])}\r\n`;

export const exportFilename = (resource: string, exportedAt: Date, extension: 'csv' | 'xlsx'): string =>
  `levier-${resource}-${exportedAt.toISOString().slice(0, 16).replace(/[:T]/g, '-')}.${extension}`;
