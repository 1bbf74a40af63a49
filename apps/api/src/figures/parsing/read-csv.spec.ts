import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { readCsv, unquotedRecords } from './read-csv';

const HEADER = 'unite;service;indicateur;periode;valeur';

describe(unquotedRecords.name, () => {
  it('reads a text without quotes exactly as csv-parse does with the options of csvRecords (blank lines, trailing line endings, empty cells)', () => {
    const csvParse = (text: string, delimiter: string): string[][] =>
      parse(text, { delimiter, record_delimiter: '\n', relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
    expect(unquotedRecords('a;b\n\n1;2\n\n', ';')).toEqual([['a', 'b'], [''], ['1', '2'], ['']]);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'é', ' ', '\u00a0', ';', ',', '\t', '\n', '\r', '1', "'"), { maxLength: 60 }).map((chars) => chars.join('')),
        fc.constantFrom(';', ',', '\t'),
        (text, delimiter) => {
          expect(unquotedRecords(text, delimiter as ';' | ',' | '\t')).toEqual(csvParse(text, delimiter));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe(readCsv.name, () => {
  it('numbers lines physically: header = 1, blank lines counted and skipped, CRLF or LF or CR', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const result = readCsv([HEADER, 'A;S;m;2024-01;1', '', 'B;S;m;2024-01;2', ';;;;', 'C;S;m;2024-01;3'].join(eol));
      if (!result.ok) throw new Error(result.error.message);
      expect(result.rows.map((row) => [row.line, row.cells.orgUnit])).toEqual([
        [2, 'A'],
        [4, 'B'],
        [6, 'C'],
      ]);
    }
  });

  it('numbers a record by the line it starts on when a quoted field spans lines', () => {
    const result = readCsv(`${HEADER};commentaire\r\nA;S;m;2024-01;1;"two\r\nlines"\r\nB;S;m;2024-01;2;\r\n`);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.rows.map((row) => [row.line, row.cells.comment])).toEqual([
      [2, 'two\nlines'],
      [4, ''],
    ]);
  });

  it('skips a title line and blank lines above the header, keeping physical line numbers', () => {
    const result = readCsv(`Saisie de mai 2024;;;;\n\n${HEADER}\nA;S;m;2024-05;1\n`);
    if (!result.ok) throw new Error(result.error.message);
    expect({ headerLine: result.headerLine, lines: result.rows.map((row) => row.line) }).toEqual({ headerLine: 3, lines: [4] });
  });

  it("honours Excel's sep= line", () => {
    const result = readCsv('sep=,\nunite,service,indicateur,periode,valeur\nA,S,m,2024-05,"1,5"\n');
    if (!result.ok) throw new Error(result.error.message);
    expect({ delimiter: result.delimiter, value: result.rows[0].cells.value }).toEqual({ delimiter: ',', value: '1,5' });
  });

  it('reads tab-separated text pasted from a spreadsheet', () => {
    const result = readCsv('Unité\tService\tIndicateur\tPériode\tValeur\nA\tS\tm\tmars 2024\t1 234,5\n');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.rows[0].cells).toEqual({ orgUnit: 'A', service: 'S', metric: 'm', period: 'mars 2024', value: '1 234,5' });
  });

  it('lists ignored columns and gives null for cells missing from a short row', () => {
    const result = readCsv(`Libellé;${HEADER}\nx;A;S;m\n`);
    if (!result.ok) throw new Error(result.error.message);
    expect({ ignored: result.ignoredHeaders, cells: result.rows[0].cells }).toEqual({
      ignored: ['Libellé'],
      cells: { orgUnit: 'A', service: 'S', metric: 'm', period: null, value: null },
    });
  });

  it('names the missing required columns', () => {
    const result = readCsv('unite;service;valeur\nA;S;1\n');
    expect(result).toMatchObject({ ok: false, error: { code: 'missing_columns', columns: ['metric', 'period'], line: 1 } });
    if (!result.ok) expect(result.error.message).toContain('« indicateur », « période »');
  });

  it('refuses two columns for the same field', () => {
    expect(readCsv(`${HEADER};montant\nA;S;m;2024-01;1;2\n`)).toMatchObject({
      ok: false,
      error: { code: 'duplicate_columns', columns: ['valeur', 'montant'] },
    });
  });

  it('reports an unclosed quote as a malformed file with its line', () => {
    expect(readCsv(`${HEADER}\nA;S;m;2024-01;"1\nB;S;m;2024-01;2\n`)).toMatchObject({ ok: false, error: { code: 'malformed_csv' } });
  });

  it('reports an empty file and a header without rows', () => {
    expect(readCsv('\n\n')).toMatchObject({ ok: false, error: { code: 'empty_file' } });
    expect(readCsv(`${HEADER}\n`)).toMatchObject({ ok: false, error: { code: 'no_rows', line: 1 } });
  });

  it('answers any text with a typed result, never an exception', () => {
    const csvish = fc.string({ unit: fc.constantFrom('a', 'é', '1', ',', ';', '\t', '"', '\n', '\r', ' ', '\u00A0'), maxLength: 120 });
    const withHeader = csvish.map((body) => `${HEADER}\n${body}`);
    fc.assert(
      fc.property(fc.oneof(fc.string(), csvish, withHeader), (text) => {
        const result = readCsv(text);
        if (result.ok) {
          for (const row of result.rows) expect(row.line).toBeGreaterThan(result.headerLine);
        } else {
          expect(typeof result.error.message).toBe('string');
        }
      }),
      { seed: 2024, numRuns: 1000 },
    );
  });
});
