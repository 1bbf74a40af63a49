import { decodeText } from './decode-text';
import { csvRecords, readCsv } from './read-csv';
import { readXlsx, readXlsxSheets } from './read-xlsx';
import { inspectTable, type TableInspection } from './figure-table';
import type { FileError, ReadFiguresResult } from './figure-file.types';
import type { ImportMapping } from './import-mapping';
import type { XlsxLimits } from './xlsx-zip-limits';

export interface FigureFileInput {
  bytes: Uint8Array;
  filename?: string;
  mimeType?: string;
  /** Which column is what, when the user said so (mapping step, saved template); detected otherwise. */
  mapping?: ImportMapping;
  /** Size and cell caps of an XLSX (configuration); the defaults of xlsx-zip-limits.ts otherwise. */
  xlsxLimits?: XlsxLimits;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const; // "PK\3\4": XLSX is a zip
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0] as const; // Excel 97-2003 .xls
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** An OpenDocument zip names its type in a first, uncompressed `mimetype` entry. */
const isOpenDocument = (bytes: Uint8Array): boolean =>
  Buffer.from(bytes.subarray(30, 90)).toString('latin1').startsWith('mimetypeapplication/vnd.oasis.opendocument');

const claimsXlsx = ({ filename, mimeType }: FigureFileInput): boolean => /\.xlsx$/iu.test(filename ?? '') || mimeType === XLSX_MIME;

const unsupported = (message: string): Sniffed => ({ kind: 'error', error: { code: 'unsupported_format', message } });

type Sniffed = { kind: 'xlsx' } | { kind: 'csv'; text: string; encoding: string } | { kind: 'error'; error: FileError };

/** The format of an upload, from its bytes (a zip is XLSX, anything else CSV text); name and type only explain a mismatch. */
const sniff = (input: FigureFileInput): Sniffed => {
  const { bytes } = input;
  if (bytes.length === 0) return { kind: 'error', error: { code: 'empty_file', message: 'Le fichier est vide : aucune ligne à importer.' } };
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (isOpenDocument(bytes)) {
      return unsupported('Fichier OpenDocument (.ods) : enregistrez-le au format Excel (.xlsx) ou CSV avant de l’importer.');
    }
    return { kind: 'xlsx' };
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    return unsupported('Ancien format Excel 97-2003 (.xls) : enregistrez le fichier au format .xlsx ou CSV avant de l’importer.');
  }
  if (claimsXlsx(input)) {
    return {
      kind: 'error',
      error: {
        code: 'unreadable_xlsx',
        message: "Le fichier est annoncé comme un classeur Excel (.xlsx) mais n'en est pas un : enregistrez-le de nouveau depuis le tableur.",
      },
    };
  }
  const { text, encoding } = decodeText(bytes);
  return { kind: 'csv', text, encoding };
};

/**
 * An uploaded figure file → RawRows. The format is sniffed from the bytes (a zip is XLSX, anything else is CSV text);
 * the filename and MIME type only serve to explain a mismatch. Never throws.
 */
export const parseFigureFile = async (input: FigureFileInput): Promise<ReadFiguresResult> => {
  const sniffed = sniff(input);
  switch (sniffed.kind) {
    case 'error':
      return { ok: false, error: sniffed.error };
    case 'xlsx':
      return readXlsx(input.bytes, input.mapping, input.xlsxLimits);
    case 'csv':
      return readCsv(sniffed.text, { encoding: sniffed.encoding, mapping: input.mapping });
  }
};

/** The header and first rows of each sheet of an upload (the mapping step), or why the file cannot be read. */
export type FileInspectionResult =
  { ok: true; format: 'csv' | 'xlsx'; sheets: ({ name: string | null } & TableInspection)[] } | { ok: false; error: FileError };

/**
 * An uploaded figure file → what the mapping step shows (issue 13): per visible sheet (one for a CSV), the detected
 * header line and layout, the column headers and a few rows, with the same format checks and French errors as an
 * import. Never throws; reads nothing but the file.
 */
export const inspectFigureFile = async (input: Omit<FigureFileInput, 'mapping'>): Promise<FileInspectionResult> => {
  const sniffed = sniff(input);
  if (sniffed.kind === 'error') return { ok: false, error: sniffed.error };
  if (sniffed.kind === 'csv') {
    const read = csvRecords(sniffed.text);
    if (!read.ok) return read;
    return { ok: true, format: 'csv', sheets: [{ name: null, ...inspectTable(read.records) }] };
  }
  const read = await readXlsxSheets(input.bytes, input.xlsxLimits);
  if (!read.ok) return read;
  const sheets = read.sheets.map((sheet) => ({ name: sheet.name, ...inspectTable(sheet.records) })).filter((sheet) => sheet.headerLine !== null);
  if (sheets.length === 0) return { ok: false, error: { code: 'empty_file', message: "Le classeur n'a aucune feuille visible à importer." } };
  return { ok: true, format: 'xlsx', sheets };
};
