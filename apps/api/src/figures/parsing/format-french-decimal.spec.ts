import { formatFrenchDecimal } from './format-french-decimal';

describe(formatFrenchDecimal.name, () => {
  it.each([
    ['12450.00', '12\u00A0450,00'],
    ['-1234567.5', '-1\u00A0234\u00A0567,5'],
    ['999', '999'],
    ['1000', '1\u00A0000'],
    ['0.125', '0,125'],
    ['0.0001234', '0,0001234'],
  ])('writes %s as %j', (value, written) => {
    expect(formatFrenchDecimal(value)).toBe(written);
  });

  it('takes another thousands separator', () => {
    expect(formatFrenchDecimal('1234567.89', '.')).toBe('1.234.567,89');
  });
});
