import { parseFigureFile } from '../parsing/parse-figure-file';
import type { FigureField, FileError, RawRow } from '../parsing/figure-file.types';
import type { ImportMapping } from '../parsing/import-mapping';
import type { XlsxLimits } from '../parsing/xlsx-zip-limits';

/** A JSON submission as stored in `submission.payload`: values already decimal strings (see SubmitFiguresDto). */
export interface JsonSubmissionPayload {
  figures: { orgUnit: string; service: string; metric: string; period: string; value: string; comment?: string }[];
}

export type SubmissionRows = { ok: true; rows: RawRow[]; headers: Partial<Record<FigureField, string>> } | { ok: false; error: FileError };

/** What the worker needs of a stored submission to read its rows. */
export interface StoredPayload {
  payload: Buffer;
  fileName: string | null;
  contentType: string | null;
  mapping?: ImportMapping | null;
}

export const JSON_CONTENT_TYPE = 'application/json';

/** JSON rows are numbered from 1 in array order, so `line` points at `figures[line - 1]`. */
export const jsonRows = (payload: JsonSubmissionPayload): RawRow[] =>
  payload.figures.map((f, i) => ({
    line: i + 1,
    cells: { orgUnit: f.orgUnit, service: f.service, metric: f.metric, period: f.period, value: f.value, comment: f.comment ?? null },
  }));

/** The rows of a stored submission: a file through the parsing readers, JSON by array index. Never throws. */
export const readSubmissionRows = async (stored: StoredPayload, xlsxLimits?: XlsxLimits): Promise<SubmissionRows> => {
  if (stored.contentType === JSON_CONTENT_TYPE && stored.fileName === null) {
    try {
      const parsed = JSON.parse(stored.payload.toString('utf8')) as JsonSubmissionPayload;
      return { ok: true, rows: jsonRows(parsed), headers: {} };
    } catch {
      return { ok: false, error: { code: 'unsupported_format', message: 'Le contenu JSON enregistré est illisible : renvoyez la saisie.' } };
    }
  }
  const read = await parseFigureFile({
    bytes: stored.payload,
    filename: stored.fileName ?? undefined,
    mimeType: stored.contentType ?? undefined,
    mapping: stored.mapping ?? undefined,
    xlsxLimits,
  });
  return read.ok ? { ok: true, rows: read.rows, headers: read.headers } : read;
};
