import { csvCell, toCsv } from './csv-export';

describe(csvCell.name, () => {
  it.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises a formula-looking cell %j with a leading quote', (value) => {
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
    ).toBe('\uFEFFUnit,Gross savings\r\nVALMONT,"12,345.67"\r\na;b,\'-1\r\n');
  });
});
