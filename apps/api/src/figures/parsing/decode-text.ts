import * as iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;

/**
 * Characters a French figure file written in UTF-8 plausibly holds beyond ASCII: Latin-1 letters and symbols, Latin
 * Extended-A (œ, Œ, names in comments), ƒ ˆ ˜, punctuation (’ “ ” – — … U+202F), currencies (€), letterlike, arrows,
 * maths (− U+2212), shapes and dingbats (■ ✓), emoji.
 */
const PLAUSIBLE_UTF8 = /^[\u0000-\u007F\u00A0-\u017F\u0192\u02C6\u02DC\u2000-\u214F\u2190-\u23FF\u25A0-\u27BF\u{1F000}-\u{1FAFF}]*$/u;

/**
 * Bytes of a text file → string, BOM stripped. Never throws.
 * - a UTF-8 BOM → UTF-8; a UTF-16 BOM (Excel's "Texte Unicode" export) → UTF-16;
 * - bytes that are valid UTF-8 (strict decoder) → UTF-8, unless that reading holds characters a French file does not
 *   (C1 controls, IPA, Greek, Cyrillic, CJK…) while the Windows-1252 reading is clean: some Windows-1252 pairs are
 *   valid UTF-8 by accident (`Ç` + no-break space = C7 A0 = `Ǡ`), and such a file is Windows-1252;
 * - anything else → Windows-1252, the encoding of French Excel "CSV (séparateur : point-virgule)" exports.
 * Pure ASCII is valid UTF-8 and reads the same either way.
 */
export const decodeText = (bytes: Uint8Array): DecodedText => {
  if (startsWith(bytes, UTF8_BOM)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (startsWith(bytes, UTF16LE_BOM)) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (startsWith(bytes, UTF16BE_BOM)) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  const win1252 = (): DecodedText => ({ text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252', bom: false });
  let utf8: string;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return win1252();
  }
  if (PLAUSIBLE_UTF8.test(utf8)) return { text: utf8, encoding: 'utf-8', bom: false };
  const fallback = win1252();
  return fallback.text.includes('\uFFFD') ? { text: utf8, encoding: 'utf-8', bom: false } : fallback;
};
