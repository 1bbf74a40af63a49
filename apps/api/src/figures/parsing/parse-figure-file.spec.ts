import fc from 'fast-check';
import { Workbook } from 'exceljs';
import * as iconv from 'iconv-lite';
import { parseFigureFile } from './parse-figure-file';

const CSV = 'Unité;Service;Indicateur;Période;Valeur\r\nVALMONT-NORD;SAAD;spend;févr. 2024;1\u00A0234,5 €\r\n';

describe(parseFigureFile.name, () => {
  it('reads CSV text in Windows-1252 as well as UTF-8 with or without BOM', async () => {
    for (const bytes of [iconv.encode(CSV, 'win1252'), Buffer.from(CSV, 'utf8'), Buffer.from(`\uFEFF${CSV}`, 'utf8')]) {
      const result = await parseFigureFile({ bytes, filename: 'figures.csv' });
      expect(result).toMatchObject({ ok: true, format: 'csv', headers: { orgUnit: 'Unité', period: 'Période' } });
      if (result.ok) expect(result.rows[0].cells).toMatchObject({ period: 'févr. 2024', value: '1\u00A0234,5 €' });
    }
  });

  it('sniffs XLSX from the bytes, whatever the file is called', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Saisie');
    sheet.addRow(['Unité', 'Service', 'Indicateur', 'Période', 'Valeur']);
    sheet.addRow(['VALMONT-NORD', 'SAAD', 'spend', '2024-10', 12]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await parseFigureFile({ bytes, filename: 'export.csv', mimeType: 'text/csv' })).toMatchObject({ ok: true, format: 'xlsx' });
  });

  it('explains old .xls, .ods and a "xlsx" that is not one', async () => {
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await parseFigureFile({ bytes: xls })).toMatchObject({ ok: false, error: { code: 'unsupported_format' } });
    const ods = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]);
    expect(await parseFigureFile({ bytes: ods })).toMatchObject({ ok: false, error: { code: 'unsupported_format' } });
    expect(await parseFigureFile({ bytes: Buffer.from(CSV), filename: 'saisie.XLSX' })).toMatchObject({
      ok: false,
      error: { code: 'unreadable_xlsx' },
    });
  });

  it('reports an empty upload', async () => {
    expect(await parseFigureFile({ bytes: new Uint8Array(0) })).toMatchObject({ ok: false, error: { code: 'empty_file' } });
  });

  it('answers any bytes with a typed result, never an exception', async () => {
    const zipLike = fc.uint8Array({ maxLength: 300 }).map((tail) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail]));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), zipLike), async (bytes) => {
        const result = await parseFigureFile({ bytes });
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
      }),
      { seed: 1789, numRuns: 300 },
    );
  });
});
