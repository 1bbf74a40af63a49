import { decodeText } from './decode-text';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { ReadFiguresResult } from './figure-file.types';
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

const unsupported = (message: string): ReadFiguresResult => ({ ok: false, error: { code: 'unsupported_format', message } });

/**
 * An uploaded figure file → RawRows. The format is sniffed from the bytes (a zip is XLSX, anything else is CSV text);
 * the filename and MIME type only serve to explain a mismatch. Never throws.
 */
export const parseFigureFile = async (input: FigureFileInput): Promise<ReadFiguresResult> => {
  const { bytes } = input;
  if (bytes.length === 0) return { ok: false, error: { code: 'empty_file', message: 'Le fichier est vide : aucune ligne à importer.' } };
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (isOpenDocument(bytes)) {
      return unsupported('Fichier OpenDocument (.ods) : enregistrez-le au format Excel (.xlsx) ou CSV avant de l’importer.');
    }
    return readXlsx(bytes, input.mapping, input.xlsxLimits);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    return unsupported('Ancien format Excel 97-2003 (.xls) : enregistrez le fichier au format .xlsx ou CSV avant de l’importer.');
  }
  if (claimsXlsx(input)) {
    return {
      ok: false,
      error: {
        code: 'unreadable_xlsx',
        message: "Le fichier est annoncé comme un classeur Excel (.xlsx) mais n'en est pas un : enregistrez-le de nouveau depuis le tableur.",
      },
    };
  }
  const { text, encoding } = decodeText(bytes);
  return readCsv(text, { encoding, mapping: input.mapping });
};
