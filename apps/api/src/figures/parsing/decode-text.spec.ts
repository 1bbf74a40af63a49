import * as iconv from 'iconv-lite';
import fc from 'fast-check';
import { decodeText } from './decode-text';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe(decodeText.name, () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFUnité;Période', 'utf8'))).toEqual({ text: 'Unité;Période', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-8 without BOM', () => {
    expect(decodeText(Buffer.from('Unité;août 2024;1\u202F234,5', 'utf8'))).toEqual({
      text: 'Unité;août 2024;1\u202F234,5',
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8: É, é, no-break space and the euro sign', () => {
    // "UNITÉ;févr.;13 020,50 €" as French Excel writes it: C9 = É, E9 = é, A0 = NBSP, 80 = €
    const win1252 = bytes(
      0x55,
      0x4e,
      0x49,
      0x54,
      0xc9,
      0x3b,
      0x66,
      0xe9,
      0x76,
      0x72,
      0x2e,
      0x3b,
      0x31,
      0x33,
      0xa0,
      0x30,
      0x32,
      0x30,
      0x2c,
      0x35,
      0x30,
      0xa0,
      0x80,
    );
    expect(decodeText(win1252)).toEqual({ text: 'UNITÉ;févr.;13\u00A0020,50\u00A0€', encoding: 'windows-1252', bom: false });
  });

  it('reads as Windows-1252 bytes that are valid UTF-8 only by accident (Ç + no-break space = C7 A0)', () => {
    expect(decodeText(bytes(0x46, 0x41, 0xc7, 0xa0, 0x31)).text).toBe('FAÇ\u00A01');
  });

  it('keeps a UTF-8 file with œ, ’, narrow no-break space, − and ✓ as UTF-8', () => {
    const text = 'cœur’s 1\u202F234 \u22125 ✓ Łódź';
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8', bom: false });
  });

  it('reads UTF-16 LE with its BOM (Excel "Texte Unicode")', () => {
    expect(decodeText(Buffer.concat([bytes(0xff, 0xfe), Buffer.from('Unité\tValeur', 'utf16le')]))).toEqual({
      text: 'Unité\tValeur',
      encoding: 'utf-16le',
      bom: true,
    });
  });

  it('reads pure ASCII as UTF-8', () => {
    expect(decodeText(Buffer.from('unite;valeur')).encoding).toBe('utf-8');
  });

  it('round-trips any French text written in Windows-1252', () => {
    const latin = fc.string({ unit: fc.constantFrom(...'abcéèàçùâêîôûÉÀÇ€ ;,0123456789\u00A0'.split('')), minLength: 1 });
    fc.assert(
      fc.property(latin, (text) => {
        const encoded = iconv.encode(text, 'win1252');
        const decoded = decodeText(encoded);
        expect(decoded.text).toBe(text);
      }),
      { seed: 1252, numRuns: 300 },
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (random) => {
        expect(typeof decodeText(random).text).toBe('string');
      }),
      { seed: 3, numRuns: 500 },
    );
  });
});
