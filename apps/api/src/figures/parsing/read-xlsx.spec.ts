import { Workbook } from 'exceljs';
import { readXlsx, readXlsxSheets } from './read-xlsx';
import { sheetXmlOf, xlsxWithSheet } from '../../../../../test/faults/support/zip';

const HEADER = ['Unité', 'Service', 'Indicateur', 'Période', 'Valeur'];

const xlsx = async (build: (workbook: Workbook) => void): Promise<Uint8Array> => {
  const workbook = new Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};

describe(readXlsx.name, () => {
  it('skips title and blank rows above the header and numbers rows as the sheet does', async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet('Saisie');
      sheet.getCell('A1').value = 'Saisie mensuelle - octobre 2024';
      sheet.getRow(4).values = HEADER;
      sheet.getRow(5).values = ['VALMONT-NORD', 'SAAD', 'spend', '2024-10', 50112.4];
      sheet.getRow(7).values = ['VALMONT-SUD', 'AED', 'hours', new Date(Date.UTC(2024, 9, 1)), 12];
    });
    const result = await readXlsx(bytes);
    if (!result.ok) throw new Error(result.error.message);
    expect({ header: result.headerLine, sheet: result.sheet, rows: result.rows }).toEqual({
      header: 4,
      sheet: 'Saisie',
      rows: [
        { line: 5, cells: { orgUnit: 'VALMONT-NORD', service: 'SAAD', metric: 'spend', period: '2024-10', value: 50112.4 } },
        { line: 7, cells: { orgUnit: 'VALMONT-SUD', service: 'AED', metric: 'hours', period: new Date(Date.UTC(2024, 9, 1)), value: 12 } },
      ],
    });
  });

  it('reads rich text, formula results, hyperlinks and error values as plain cells', async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet('Saisie');
      sheet.addRow(HEADER);
      sheet.addRow([
        { richText: [{ text: 'VALMONT-' }, { text: 'NORD', font: { bold: true } }] },
        { text: 'SAAD', hyperlink: 'https://example.org/saad' },
        'spend',
        '2024-10',
        { formula: '1000+234.5', result: 1234.5 },
      ]);
      sheet.addRow(['VALMONT-SUD', 'SAAD', 'spend', '2024-10', { error: '#N/A' }]);
    });
    const result = await readXlsx(bytes);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.rows.map((row) => [row.cells.orgUnit, row.cells.service, row.cells.value])).toEqual([
      ['VALMONT-NORD', 'SAAD', 1234.5],
      ['VALMONT-SUD', 'SAAD', '#N/A'],
    ]);
  });

  it('takes the first visible sheet that has a figure header', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Notes').addRow(['Lisez-moi']);
      const hidden = wb.addWorksheet('Brouillon', { state: 'hidden' });
      hidden.addRow(HEADER);
      hidden.addRow(['X', 'S', 'm', '2024-01', 1]);
      const sheet = wb.addWorksheet('Chiffres');
      sheet.addRow(HEADER);
      sheet.addRow(['A', 'S', 'm', '2024-01', 2]);
    });
    const result = await readXlsx(bytes);
    expect(result).toMatchObject({ ok: true, sheet: 'Chiffres', rows: [{ line: 2, cells: { orgUnit: 'A', value: 2 } }] });
  });

  it('names the missing columns when no sheet has a header', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('Saisie').addRow(['Unité', 'Service', 'Valeur']));
    expect(await readXlsx(bytes)).toMatchObject({ ok: false, error: { code: 'missing_columns', columns: ['metric', 'period'] } });
  });

  it('reports a damaged workbook instead of throwing', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('Saisie').addRow(HEADER));
    expect(await readXlsx(bytes.subarray(0, 200))).toMatchObject({ ok: false, error: { code: 'unreadable_xlsx' } });
  });

  it('gives every cell of a merged range the top-left value, as the full reader did', async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet('Saisie');
      sheet.addRow(HEADER);
      sheet.addRow(['VALMONT-NORD', 'SAAD', 'spend', '2024-10', 1]);
      sheet.addRow([null, 'AED', 'spend', '2024-10', 2]);
      sheet.mergeCells('A2:A3');
    });
    const result = await readXlsx(bytes);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.rows.map((row) => [row.line, row.cells.orgUnit, row.cells.service])).toEqual([
      [2, 'VALMONT-NORD', 'SAAD'],
      [3, 'VALMONT-NORD', 'AED'],
    ]);
  });

  it('turns a date-formatted formula result into a Date, a formula error into « #ERREUR » and decodes _x000D_', async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet('Saisie');
      sheet.addRow(HEADER);
      sheet.addRow(['VALMONT-NORD', 'SAAD', 'spend', { formula: 'DATE(2024,10,1)', result: new Date(Date.UTC(2024, 9, 1)) }, 1]);
      sheet.getCell('D2').numFmt = 'dd/mm/yyyy';
      sheet.addRow(['VALMONT-NORD', 'SAAD_x000D_', 'spend', '2024-11', { formula: 'NA()', result: { error: '#N/A' } }]);
    });
    const sut = await readXlsxSheets(bytes);
    if (!sut.ok) throw new Error(sut.error.message);
    expect(sut.sheets[0].records.slice(1).map((r) => r.cells)).toEqual([
      ['VALMONT-NORD', 'SAAD', 'spend', new Date(Date.UTC(2024, 9, 1)), 1],
      ['VALMONT-NORD', 'SAAD\r', 'spend', '2024-11', '#ERREUR'],
    ]);
  });

  describe('limits', () => {
    const rows = (n: number): (string | number)[][] => [HEADER, ...Array.from({ length: n }, (_, i) => ['VALMONT-NORD', 'SAAD', 'spend', '2024-10', i])];

    it('refuses a zip bomb from its central directory, before parsing, naming the limit', async () => {
      // 4 MiB of blanks deflate to a few kB
      const bomb = xlsxWithSheet(sheetXmlOf(rows(1), 4 * 1024 * 1024));
      expect(bomb.length).toBeLessThan(50_000);
      const sut = await readXlsx(bomb, undefined, { maxUncompressedBytes: 1024 * 1024, maxCells: 1000 });
      expect(sut).toMatchObject({ ok: false, error: { code: 'too_large' } });
      expect(sut.ok ? '' : sut.error.message).toBe(
        'Classeur Excel trop volumineux une fois décompressé : 4 Mo pour une limite de 1 Mo ; il n’a pas été lu : ' +
          'découpez-le en plusieurs fichiers (par exemple un par trimestre ou par unité), ou retirez les feuilles et colonnes inutiles, puis renvoyez-le.',
      );
    });

    it('refuses a part that inflates to more than it declares (a bomb lying in its directory)', async () => {
      const bomb = xlsxWithSheet(sheetXmlOf(rows(1), 4 * 1024 * 1024));
      const lie = (signature: number, sizeAt: number, nameAt: number): void => {
        for (let at = bomb.indexOf('PK'); at >= 0; at = bomb.indexOf('PK', at + 1)) {
          if (bomb.readUInt32LE(at) === signature && bomb.toString('utf8', at + nameAt, at + nameAt + 24) === 'xl/worksheets/sheet1.xml')
            bomb.writeUInt32LE(1000, at + sizeAt);
        }
      };
      lie(0x04034b50, 22, 30);
      lie(0x02014b50, 24, 46);
      const sut = await readXlsx(bomb, undefined, { maxUncompressedBytes: 1024 * 1024, maxCells: 1000 });
      expect(sut).toMatchObject({
        ok: false,
        error: { code: 'unreadable_xlsx', message: expect.stringContaining('« xl/worksheets/sheet1.xml » se décompresse en plus que la taille annoncée') },
      });
    });

    it('stops reading at the cell cap and names the sheet row where it was reached', async () => {
      // 5 cells per row: the header and 5 rows make 30 cells, the 7th sheet row the 31st to 35th
      const sut = await readXlsx(
        await xlsx((wb) => rows(20).forEach((row) => wb.getWorksheet('Saisie')?.addRow(row) ?? wb.addWorksheet('Saisie').addRow(row))),
        undefined,
        {
          maxUncompressedBytes: 1024 * 1024,
          maxCells: 30,
        },
      );
      expect(sut).toEqual({
        ok: false,
        error: {
          code: 'too_large',
          line: 7,
          message:
            'Classeur Excel trop volumineux : plus de 30 cellules remplies, limite atteinte à la ligne 7 de la feuille « Saisie » ; la lecture s’est arrêtée là : ' +
            'découpez-le en plusieurs fichiers (par exemple un par trimestre ou par unité), ou retirez les feuilles et colonnes inutiles, puis renvoyez-le.',
        },
      });
    });

    it('reads a workbook exactly at the cell cap', async () => {
      const sut = await readXlsx(await xlsx((wb) => wb.addWorksheet('Saisie').addRows(rows(5))), undefined, {
        maxUncompressedBytes: 1024 * 1024,
        maxCells: 30,
      });
      expect(sut).toMatchObject({ ok: true, rows: { length: 5 } });
    });
  });
});
