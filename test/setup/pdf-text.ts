/**
 * Text of an uncompressed pdfkit PDF, page by page (the documents service writes uncompressed streams when
 * NODE_ENV=test): each page's content stream, its `TJ` / `Tj` strings decoded from WinAnsi. Line ends become spaces;
 * a word that pdfkit broke across two lines (a long URL) is found by comparing without whitespace (`squash`).
 */
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

const decodeHex = (hex: string): string => {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    out += WIN_ANSI_HIGH[byte] ?? String.fromCharCode(byte);
  }
  return out;
};

const decodeLiteral = (s: string): string =>
  s.replace(/\\([nrtbf()\\]|\d{1,3})/g, (_, e: string) => (/^\d+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e === 'n' ? '\n' : e));

export const pdfPages = (pdf: Buffer): string[] => {
  const text = pdf.toString('latin1');
  if (/\/FlateDecode/.test(text)) throw new Error('PDF compressé : les tests lisent des flux non compressés (NODE_ENV=test)');
  const pages: string[] = [];
  const streams = text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g);
  for (const [, body] of streams) {
    if (!/\bBT\b/.test(body)) continue;
    const parts: string[] = [];
    for (const block of body.matchAll(/BT([\s\S]*?)ET/g)) {
      let line = '';
      for (const op of block[1].matchAll(/\[((?:<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)|[\s\-\d.])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
        if (op[1] !== undefined)
          for (const s of op[1].matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)) line += s[1] !== undefined ? decodeHex(s[1]) : decodeLiteral(s[2]);
        else if (op[2] !== undefined) line += decodeHex(op[2]);
        else line += decodeLiteral(op[3]);
      }
      parts.push(line);
    }
    pages.push(parts.join(' ').replace(/\u00a0/g, ' '));
  }
  return pages;
};

/** Whitespace removed, for matching text that wrapped across lines. */
export const squash = (text: string): string => text.replace(/\s+/g, '');
