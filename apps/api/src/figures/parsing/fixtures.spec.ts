import { readFileSync } from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import { demoCatalogue } from '../../../../../test/factories/demo-catalogue.factory';
import { parseFigureFile } from './parse-figure-file';
import { validateRows } from './validate-rows';
import type { ValidateRowsResult } from './row-validation.types';

/** apps/api/src/figures/parsing → repo root (5 up) → its sibling `shared/fixtures`. */
const FIXTURES = path.resolve(__dirname, '../../../../../../shared/fixtures');

interface ExpectedRow {
  orgUnit: string;
  service: string;
  metric: string;
  period: string;
  value: string;
}
interface ExpectedError {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}
type Expected = { rows: ExpectedRow[] } | { rejected: true; applied: number; errors: ExpectedError[] };

const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expected | string>;
const cases = Object.entries(expected).filter((entry): entry is [string, Expected] => typeof entry[1] === 'object');

const importFile = async (file: string): Promise<ValidateRowsResult> => {
  const read = await parseFigureFile({ bytes: readFileSync(path.join(FIXTURES, file)), filename: file });
  if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
  return validateRows({ rows: read.rows, headers: read.headers, catalogue: demoCatalogue() });
};

describe(parseFigureFile.name, () => {
  it('finds the five fixtures listed in expected.json', () => {
    expect(cases.map(([file]) => file).sort()).toEqual([
      'figures-2024-01-utf8-bom-semicolon.csv',
      'figures-2024-04-english-comma.csv',
      'figures-2024-10-libreoffice.xlsx',
      'figures-2024-q1-windows1252.csv',
      'figures-errors-semicolon.csv',
    ]);
  });

  describe.each(cases)('%s', (file, want) => {
    if ('rows' in want) {
      it('yields exactly the expected rows, in order, values equal as decimals', async () => {
        const result = await importFile(file);
        if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
        expect(result.rows.map(({ orgUnit, service, metric, period }) => ({ orgUnit, service, metric, period }))).toEqual(
          want.rows.map(({ orgUnit, service, metric, period }) => ({ orgUnit, service, metric, period })),
        );
        result.rows.forEach((row, i) => {
          expect({ line: row.line, equal: new Decimal(row.value).eq(want.rows[i].value) }).toEqual({ line: row.line, equal: true });
        });
      });
    } else {
      it('is rejected with every expected error, by line, column and raw value, and nothing else', async () => {
        const result = await importFile(file);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors.map(({ line, column, value }) => ({ line, column, value }))).toEqual(
          want.errors.map(({ line, column, value }) => ({ line, column, value })),
        );
        expect(want.applied).toBe(0);
      });
    }
  });

  it('reads the XLSX title row as a title, the header on row 2 and the date cells as months of October', async () => {
    const read = await parseFigureFile({ bytes: readFileSync(path.join(FIXTURES, 'figures-2024-10-libreoffice.xlsx')) });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.headerLine).toBe(2);
    expect(read.rows.map((row) => row.line)).toEqual([3, 4, 5, 6]);
    expect(read.rows[1].cells.period).toEqual(new Date(Date.UTC(2024, 9, 1)));
  });

  it('detects Windows-1252 and keeps the accents of its headers', async () => {
    const read = await parseFigureFile({ bytes: readFileSync(path.join(FIXTURES, 'figures-2024-q1-windows1252.csv')) });
    if (!read.ok) throw new Error(read.error.message);
    expect({ encoding: read.encoding, delimiter: read.delimiter, period: read.headers.period }).toEqual({
      encoding: 'windows-1252',
      delimiter: ';',
      period: 'PÉRIODE',
    });
  });

  it('says in French what is wrong with each rejected row', async () => {
    const result = await importFile('figures-errors-semicolon.csv');
    if (result.ok) throw new Error('expected a rejection');
    expect(result.errors.map(({ line, code }) => [line, code])).toEqual([
      [3, 'unknown_service'],
      [4, 'below_min'],
      [5, 'not_a_number'],
      [6, 'invalid_period'],
      [7, 'unknown_org_unit'],
      [8, 'duplicate_key'],
      [9, 'missing_value'],
      [10, 'not_an_integer'],
      [11, 'period_granularity'],
    ]);
    const message = (line: number): string => result.errors.find((e) => e.line === line)?.message ?? '';
    expect(message(3)).toContain('Vouliez-vous dire PORTAGE_REPAS ?');
    expect(message(4)).toContain('inférieure au minimum');
    expect(message(6)).toContain('le mois doit être compris entre 01 et 12');
    expect(message(8)).toContain('ligne 2');
    expect(message(8)).toContain('12\u00A0000,00 puis 12\u00A0500,00');
    expect(message(9)).toContain('une case vide ne vaut pas zéro');
    expect(message(11)).toContain('SAAD se saisit par mois, pas par trimestre');
  });

  it('keeps the comment of a row, quoted commas included', async () => {
    const result = await importFile('figures-2024-04-english-comma.csv');
    if (!result.ok) throw new Error('expected rows');
    expect(result.rows.map((row) => row.comment)).toEqual(['includes overtime, April', undefined, 'one placement avoided (family kept together)']);
  });
});
