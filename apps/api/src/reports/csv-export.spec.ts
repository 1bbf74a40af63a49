import { csvCell, toCsv } from './csv-export';

describe(csvCell.name, () => {
  it.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises a formula-looking cell %j with a leading quote', (value) => {
    expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
  });
  it.each(['-6 014,80', '-6\u202f014,80', '-6\u00a0014,80 €', '-12,5 %', '-0,5', '-6,014.80', '-€6,014.80', '-1'])(
    'leaves the plain negative number %j a number (no leading quote)',
    (value) => {
      expect(csvCell(value).replace(/^"|"$/g, '')).toBe(value);
    },
  );
  it.each(['-1+1', '-2-3', '-1e3', '-SUM(A1)', '- 1', '-1;cmd', '-€', '-'])('still neutralises %j, which is not a plain number', (value) => {
    expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
  });
  it('quotes separators and doubles quotes, leaves plain text alone', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('dit "non"')).toBe('"dit ""non"""');
    expect(csvCell('1 234,56')).toBe('1 234,56');
  });
});

describe(toCsv.name, () => {
  it('writes a BOM, semicolons and CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['=1', '2'],
      ]),
    ).toBe("\uFEFFa;b\r\n'=1;2\r\n");
  });
});

describe(`${toCsv.name} with a comma separator`, () => {
  it('quotes the cells holding a comma, such as English numbers, and leaves semicolons alone', () => {
    expect(
      toCsv(
        [
          ['Unit', 'Gross savings'],
          ['VALMONT', '12,345.67'],
          ['a;b', '-1'],
        ],
        ',',
      ),
    ).toBe('\uFEFFUnit,Gross savings\r\nVALMONT,"12,345.67"\r\na;b,-1\r\n');
  });
});
