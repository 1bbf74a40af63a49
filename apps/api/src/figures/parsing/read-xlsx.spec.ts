import { Workbook } from 'exceljs';
import { readXlsx } from './read-xlsx';

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
});
