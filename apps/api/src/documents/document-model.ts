/**
 * A document for the board or the assembly as a small typed model, written once and rendered twice (PDF with pdfkit,
 * accessible HTML): a title, a stamp, sections of paragraphs, lists and tables. Every text is already written in the
 * reader's language (numbers, money and dates formatted); renderers only lay it out.
 */

export const DOCUMENT_KINDS = ['dossier-methodologique', 'fongibilite', 'prets-en-nature', 'note-conseil'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_LANGUAGES = ['fr', 'en'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export type Align = 'left' | 'right';

export interface TableColumn {
  label: string;
  align?: Align;
  /** Relative width (default 1). */
  weight?: number;
}

export type Block =
  | { kind: 'paragraph'; text: string; strong?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'subheading'; text: string }
  | { kind: 'table'; caption: string; columns: TableColumn[]; rows: string[][]; totalRow?: string[] };

export interface DocumentSection {
  title: string;
  blocks: Block[];
}

/** What every page carries: whose figures, which scope and period, under which method, how fresh. */
export interface DocumentStamp {
  organisation: string;
  scope: string;
  period: string;
  methodology: string;
  conventions: string;
  /** « données au 26/11/2026 à 08:00 ». */
  dataAsOf: string;
  /** When the figures were computed (the read model's time), or when the document was computed for live records. */
  computedAt: string;
}

export interface DocumentModel {
  kind: DocumentKind;
  language: DocumentLanguage;
  title: string;
  subtitle?: string;
  stamp: DocumentStamp;
  sections: DocumentSection[];
  /** File name without extension (`dossier-methodologique-VALMONT-2024-01-2024-12`). */
  fileName: string;
  /**
   * The figures, method and parameters the document rests on, language- and time-independent: what the content hash
   * covers (never the print or computation time), so two copies of the same facts carry the same hash.
   */
  basis: unknown;
}

/** A model with its SHA-256 content hash (hex). */
export interface HashedDocument extends DocumentModel {
  hash: string;
}

export const paragraph = (text: string, strong = false): Block => ({ kind: 'paragraph', text, ...(strong ? { strong } : {}) });
export const list = (items: string[]): Block => ({ kind: 'list', items });
export const subheading = (text: string): Block => ({ kind: 'subheading', text });
export const table = (caption: string, columns: TableColumn[], rows: string[][], totalRow?: string[]): Block => ({
  kind: 'table',
  caption,
  columns,
  rows,
  ...(totalRow ? { totalRow } : {}),
});
