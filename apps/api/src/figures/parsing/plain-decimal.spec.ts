import Decimal from 'decimal.js';
import fc from 'fast-check';
import { compareDecimals, isWholeDecimal } from './plain-decimal';

/** Plain decimal strings as readers and PostgreSQL write them, leading and trailing zeros and `-0` included. */
const plainDecimal = fc
  .tuple(fc.boolean(), fc.stringMatching(/^\d{1,20}$/u), fc.option(fc.stringMatching(/^\d{1,12}$/u), { nil: undefined }))
  .map(([negative, int, frac]) => `${negative ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);

describe(compareDecimals.name, () => {
  it.each([
    ['0', '0', 0],
    ['-0', '0', 0],
    ['-0.00', '0.0', 0],
    ['12.5', '12.50', 0],
    ['007', '7', 0],
    ['8123.37', '100000', -1],
    ['100000', '99999.999', 1],
    ['-1', '0', -1],
    ['-10', '-9.5', -1],
    ['-1', '-1.0', 0],
    ['0.1', '0.09', 1],
    ['1e3', '999', 1],
    ['+5', '5', 0],
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(compareDecimals(a, b)).toBe(expected);
  });

  it('agrees with decimal.js on any two plain decimals', () => {
    fc.assert(
      fc.property(plainDecimal, plainDecimal, (a, b) => {
        expect(compareDecimals(a, b)).toBe(new Decimal(a).cmp(b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe(isWholeDecimal.name, () => {
  it.each([
    ['12', true],
    ['12.000', true],
    ['-0.0', true],
    ['12.01', false],
    ['0.5', false],
    ['1.5e1', true],
  ])('says whether %s is a whole number', (text, expected) => {
    expect(isWholeDecimal(text)).toBe(expected);
  });

  it('agrees with decimal.js on any plain decimal', () => {
    fc.assert(
      fc.property(plainDecimal, (text) => {
        expect(isWholeDecimal(text)).toBe(new Decimal(text).isInteger());
      }),
      { numRuns: 2000 },
    );
  });
});
