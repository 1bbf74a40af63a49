import { csvCell, csvExport, neutralise, stampRows, toCsv, type ExportContext } from './export';
import { xlsxValue } from './export-xlsx';
import { loadFilters, saveFilters } from './filter-storage';

describe('CSV formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+33 6 12', "'+33 6 12"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('prefixes %j with a quote', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('keeps plain values and negative numbers as they are', () => {
    expect(csvCell('SAAD')).toBe('SAAD');
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(neutralise('a=b')).toBe('a=b');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('dit "oui"')).toBe('"dit ""oui"""');
    expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
    expect(
      toCsv([
        ['a', 'b'],
        [1, { x: '1' }],
      ]),
    ).toBe('a;b\r\n1;"{""x"":""1""}"');
  });

  it('neutralises the XLSX texts too, and writes decimals as numbers but codes as texts', () => {
    expect(xlsxValue('=1+1')).toBe("'=1+1");
    expect(xlsxValue('1234.50')).toBe(1234.5);
    expect(xlsxValue('065')).toBe('065');
    expect(xlsxValue(['A', 'B'])).toBe('A, B');
  });
});

const ctx: ExportContext = {
  title: 'Coûts unitaires',
  organisation: 'CCAS de Valmont',
  scope: { q: 'EHPAD', grade: '' },
  methodology: 'v1 — Méthode 2024',
  dataAsOf: '31/12/2024',
  exportedAt: '01/01/2025 10:00',
  sources: [{ code: 'JOURNEE_EHPAD', source: 'CNSA', priceYear: 2023, url: 'https://cnsa.fr' }],
  labels: {
    export: 'Export',
    organisation: 'Organisation',
    scope: 'Périmètre',
    all: 'tout',
    methodology: 'Méthodologie',
    dataAsOf: 'Données au',
    exportedAt: 'Exporté le',
    sources: 'Source',
    unknown: '—',
  },
};

describe(stampRows.name, () => {
  it('stamps scope, methodology, data-as-of and unit-cost sources', () => {
    expect(stampRows(ctx)).toEqual([
      ['Export', 'Coûts unitaires'],
      ['Organisation', 'CCAS de Valmont'],
      ['Périmètre', 'q = EHPAD'],
      ['Méthodologie', 'v1 — Méthode 2024'],
      ['Données au', '31/12/2024'],
      ['Exporté le', '01/01/2025 10:00'],
      ['Source', 'JOURNEE_EHPAD — CNSA — 2023 — https://cnsa.fr'],
    ]);
  });

  it('starts with the header row, with a BOM, and puts the stamp in trailing rows after a blank line', () => {
    const csv = csvExport({ columns: ['Code', 'Montant'], rows: [['=X', '10,5 €']] }, { ...ctx, sources: [] });
    expect(csv.startsWith("\uFEFFCode;Montant\r\n'=X;10,5 €\r\n\r\nExport;Coûts unitaires\r\n")).toBe(true);
  });
});

describe('saved filters', () => {
  it('keeps the meaningful filters per user and resource', () => {
    saveFilters('u1', 'figures', { orgUnit: 'VALMONT-NORD', period: '' });
    expect(loadFilters('u1', 'figures')).toEqual({ orgUnit: 'VALMONT-NORD' });
    expect(loadFilters('u2', 'figures')).toBeNull();
    saveFilters('u1', 'figures', {});
    expect(loadFilters('u1', 'figures')).toBeNull();
  });
});
