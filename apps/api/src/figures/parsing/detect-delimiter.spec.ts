import { detectDelimiter } from './detect-delimiter';

describe(detectDelimiter.name, () => {
  it('finds ; in a French file whose values hold commas', () => {
    expect(detectDelimiter('Unité;Service;Valeur\nA;B;12 450,00\nA;C;2,5\nA;D;3\n')).toBe(';');
  });

  it('finds , in an English file, ignoring commas inside quotes', () => {
    expect(detectDelimiter('org_unit,service,value,comment\nA,B,"49,870.10","overtime, April"\nA,C,101,\n')).toBe(',');
  });

  it('finds tab in a block pasted from Excel', () => {
    expect(detectDelimiter('Unité\tService\tValeur\nA\tB\t1 234,5\n')).toBe('\t');
  });

  it('is not misled by a title line above the header', () => {
    expect(detectDelimiter('Saisie mensuelle, octobre 2024\nUnité;Service;Valeur\nA;B;1,5\nA;B;2\n')).toBe(';');
  });

  it('is not misled by quoted semicolons in a comma file', () => {
    expect(detectDelimiter('a,b,c\n"x;y;z",1,2\n"u;v",3,4\n')).toBe(',');
  });

  it('is not misled by a quoted field spanning lines', () => {
    expect(detectDelimiter('a;b;c\n"line one,\nline, two";1;2\nx;y;z\n')).toBe(';');
  });

  it('reads a header alone', () => {
    expect(detectDelimiter('org_unit,service,metric,period,value')).toBe(',');
  });

  it('defaults to ; when no candidate appears', () => {
    expect(detectDelimiter('valeur\n12\n')).toBe(';');
  });
});
