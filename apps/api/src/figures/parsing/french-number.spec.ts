import Decimal from 'decimal.js';
import fc from 'fast-check';
import { formatFrenchDecimal } from './format-french-decimal';
import { parseFrenchNumber } from './french-number';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe(parseFrenchNumber.name, () => {
  it.each([
    // docs/product-rules.md#ingestion, as written in the fixtures
    ['12 450,00', '12450.00'],
    ['2 126,5', '2126.5'],
    [`13${NBSP}020,50${NBSP}€`, '13020.50'],
    [`47${NBSP}118,00 €`, '47118.00'],
    [`1${NBSP}041${NBSP}666,7`, '1041666.7'],
    ['49,870.10', '49870.10'],
    // thousands separators
    [`1${NNBSP}234${NNBSP}567,89`, '1234567.89'],
    ['1.234,56', '1234.56'],
    ['1.234.567', '1234567'],
    ['1,234,567', '1234567'],
    ['1,234,567.5', '1234567.5'],
    // a lone separator is decimal
    ['12,5', '12.5'],
    ['1,234', '1.234'],
    ['2126.5', '2126.5'],
    [',5', '0.5'],
    // units and signs
    ['1 234,56 €', '1234.56'],
    ['1 234,56€', '1234.56'],
    ['€ 12', '12'],
    ['12 EUR', '12'],
    ['-500', '-500'],
    ['- 1 234,5', '-1234.5'],
    ['\u22121 234,5', '-1234.5'],
    ['+7', '7'],
    ['(1 234,56)', '-1234.56'],
    ['-1 234,56 €', '-1234.56'],
    // leading zeros, negative zero, surrounding spaces
    ['007', '7'],
    ['-0,00', '0.00'],
    ['  86 ', '86'],
    ['0', '0'],
  ])('reads %j as %s', (input, value) => {
    expect(parseFrenchNumber(input)).toEqual({ ok: true, value, percent: false });
  });

  it.each([
    // 12,5 % is the share 0.125: the decimal point moves two places left, exactly
    ['12,5 %', '0.125'],
    [`12,5${NBSP}%`, '0.125'],
    ['100%', '1.00'],
    ['7 %', '0.07'],
    ['0,5 %', '0.005'],
    ['-3 %', '-0.03'],
    ['1 250 %', '12.50'],
  ])('reads the percentage %j as the share %s', (input, value) => {
    expect(parseFrenchNumber(input)).toEqual({ ok: true, value, percent: true });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [NBSP, 'empty'],
    ['douze', 'not_a_number'],
    ['12 abc', 'not_a_number'],
    ['€', 'not_a_number'],
    ['-', 'not_a_number'],
    ['12,', 'not_a_number'],
    ['1.5E+03', 'not_a_number'],
    ['#N/A', 'not_a_number'],
    ['--5', 'not_a_number'],
    ['-(5)', 'not_a_number'],
    ['1 23,5', 'invalid_grouping'],
    ['12 3456', 'invalid_grouping'],
    ['1,234,56', 'invalid_grouping'],
    ['1.234.56', 'invalid_grouping'],
    ['1,2,3.4', 'invalid_grouping'],
    ['1.234,5,6', 'invalid_grouping'],
    ['1 234.567,8', 'invalid_grouping'],
    ['1,234 5', 'invalid_grouping'],
  ])('rejects %j as %s', (input, error) => {
    expect(parseFrenchNumber(input)).toEqual({ ok: false, error });
  });

  it('round-trips any decimal written the French way, whatever the thousands separator', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.option(fc.stringMatching(/^\d{1,6}$/u), { nil: undefined }))
      .map(([negative, int, frac]) => `${negative ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(decimal, fc.constantFrom(' ', NBSP, NNBSP, '.'), fc.constantFrom('', ' €', `${NBSP}€`), (value, thousands, unit) => {
        const written = formatFrenchDecimal(value, thousands) + unit;
        const parsed = parseFrenchNumber(written);
        expect(parsed.ok && new Decimal(parsed.value).eq(value)).toBe(true);
      }),
      { seed: 20241001, numRuns: 500 },
    );
  });

  it('answers any string with a typed result, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[-+()0-9 .,%€\u00A0\u202F]{0,20}$/u)), (input) => {
        const result = parseFrenchNumber(input);
        if (result.ok) expect(() => new Decimal(result.value)).not.toThrow();
        else expect(['empty', 'not_a_number', 'invalid_grouping']).toContain(result.error);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
